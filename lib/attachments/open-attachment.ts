// An attachment's bytes for the person asking: the data subject of its request, or staff whose
// role (read from the database, not trusted from the session) holds "attachment.open" and who
// proved the second factor within the last SECOND_FACTOR_FRESH_MINUTES (an ID scan is the most
// sensitive thing the portal keeps; an admin sees no subject data at all). Anyone else gets
// the answer a missing id gets, so nobody learns which attachment ids exist. The bytes are
// checked against the digest stored at upload: a changed file is reported, never served.
import "server-only";
import { createHash } from "node:crypto";
import { may, secondFactorFreshEnough } from "../backoffice/access/capabilities";
import { currentSessionToken } from "../auth/session";
import { readSession } from "../auth/sessions/read-session";
import { DEFAULT_SESSION_POLICY } from "../auth/sessions/session-policy";
import { appConfig } from "../config/app-config";
import { db as defaultDb, type Db } from "../db/client";
import { logger } from "../log/logger";
import { staffRoles, type StaffRole } from "../requests/workflow/actor";
import { readAttachmentFile } from "./attachment-files";

export interface Viewer {
  userId: string;
  email: string;
  /** The staff role the session claims; it counts only while the database still says so. */
  role: string | null;
  /** When this session last proved the second factor (staff); null: never. */
  secondFactorAt: Date | null;
}

export type OpenAttachmentResult =
  | { status: "signed_out" }
  | { status: "not_found" }
  /** The file is missing or no longer matches its digest (logged with the attachment id). */
  | { status: "unavailable" }
  /**
   * Staff who may open it, but whose second factor is older than SECOND_FACTOR_FRESH_MINUTES (or not
   * proven in this session yet): the TOTP page first, then back to the request's case file.
   */
  | { status: "second_factor"; locale: "de" | "en"; reference: string | null }
  | { status: "ok"; fileName: string; contentType: string; bytes: Buffer };

/** For the download route: the signed-in person of this request. */
export async function openAttachment(id: string): Promise<OpenAttachmentResult> {
  const session = await readSession(defaultDb(), await currentSessionToken(), DEFAULT_SESSION_POLICY);
  if (!session) return { status: "signed_out" };
  if (session.secondFactor === "pending") return { status: "second_factor", locale: session.locale, reference: null };
  const { userId, email, role, secondFactorAt } = session;
  const result = await openAttachmentAs(
    defaultDb(),
    { userId, email, role, secondFactorAt },
    id,
    appConfig().attachmentsDir,
  );
  return result.status === "second_factor" ? { ...result, locale: session.locale } : result;
}

/** The same for a given viewer; separate so the rules can be tested against a real database without a session. */
export async function openAttachmentAs(
  db: Db,
  viewer: Viewer,
  id: string,
  dir: string,
  now: Date = new Date(),
): Promise<OpenAttachmentResult> {
  const attachment = await db.attachment.findUnique({
    where: { id },
    include: { request: { select: { subjectUserId: true, subjectEmail: true, reference: true } } },
  });
  const verdict = attachment ? await mayOpen(db, viewer, attachment.request, now) : "no";
  if (verdict === "no" || !attachment) return { status: "not_found" };
  if (verdict === "second_factor") {
    return { status: "second_factor", locale: "de", reference: attachment.request.reference };
  }

  let bytes: Buffer;
  try {
    bytes = await readAttachmentFile(dir, attachment.storageKey);
  } catch (error) {
    logger.error({ err: error, attachmentId: id }, "attachment file cannot be read");
    return { status: "unavailable" };
  }
  if (createHash("sha256").update(bytes).digest("hex") !== attachment.sha256) {
    logger.error({ attachmentId: id }, "attachment file does not match its digest: not served");
    return { status: "unavailable" };
  }
  return { status: "ok", fileName: attachment.fileName, contentType: attachment.contentType, bytes };
}

/** "yes"; "no"; or "second_factor": staff who may open it once their second factor is recent enough. */
async function mayOpen(
  db: Db,
  viewer: Viewer,
  request: { subjectUserId: string | null; subjectEmail: string },
  now: Date,
): Promise<"yes" | "no" | "second_factor"> {
  if (request.subjectUserId !== null && request.subjectUserId === viewer.userId) return "yes";
  if (request.subjectEmail === viewer.email.toLowerCase()) return "yes";
  if (!isStaffRole(viewer.role)) return "no";
  if (!may(viewer.role, "attachment.open")) return "no";
  const user = await db.user.findUnique({ where: { id: viewer.userId }, select: { role: true, deactivatedAt: true } });
  if (user?.role !== viewer.role || user.deactivatedAt !== null) return "no";
  return secondFactorFreshEnough("attachment.open", viewer.secondFactorAt, now) ? "yes" : "second_factor";
}

function isStaffRole(role: string | null): role is StaffRole {
  return role !== null && (staffRoles as readonly string[]).includes(role);
}
