// Revealing a data subject's address to a staff member: the queue and the case file show it masked
// (a***@example.org) until someone asks, and every such look is recorded on the request's own audit
// chain (event "subject_revealed", internal), so the DPO can tell who saw whose address and when
// (Art. 5(1)(f) and 5(2) GDPR: confidentiality, and being able to show it).
import "server-only";
import type { Db } from "../../db/client";
import { appendAuditEntry } from "../../audit/append-audit-entry";
import { may, secondFactorFreshEnough, SECOND_FACTOR_FRESH_MINUTES } from "../access/capabilities";
import type { StaffViewer } from "../access/staff-gate";

export const REVEAL_EVENT = "subject_revealed";
/** How long a reveal keeps the address shown to the staff member who asked (then masked again). */
export const REVEAL_SHOWN_MINUTES = SECOND_FACTOR_FRESH_MINUTES;

export type RevealOutcome =
  | { ok: true; email: string; auditEntryId: string }
  | { ok: false; code: "not_allowed" | "not_found" | "minimised" | "conflict" };

type Viewer = Pick<StaffViewer, "actor" | "secondFactorAt">;

/**
 * Records that `viewer` revealed the subject of request `requestId` and returns the address. The
 * entry moves the request's audit head (compare-and-set on auditHeadSeq, as transitionRequest does)
 * but leaves Request.version alone: a reveal changes nothing a colleague's open form relies on.
 * Needs "subject.reveal" (and, once staff prove a second factor, one proven within
 * SECOND_FACTOR_FRESH_MINUTES). A minimised request has no address left to reveal.
 */
export async function revealSubject(
  db: Db,
  viewer: Viewer,
  requestId: string,
  client: { ip?: string | null; userAgent?: string | null },
  now: Date = new Date(),
): Promise<RevealOutcome> {
  if (!may(viewer.actor.role, "subject.reveal")) return { ok: false, code: "not_allowed" };
  if (viewer.secondFactorAt && !secondFactorFreshEnough("subject.reveal", viewer.secondFactorAt, now))
    return { ok: false, code: "not_allowed" };
  try {
    return await db.$transaction(async (tx): Promise<RevealOutcome> => {
      const request = await tx.request.findUnique({
        where: { id: requestId },
        select: { id: true, subjectEmail: true, minimisedAt: true, auditHeadSeq: true, auditHeadHash: true },
      });
      if (!request) return { ok: false, code: "not_found" };
      if (request.minimisedAt) return { ok: false, code: "minimised" };
      const entry = await appendAuditEntry(tx, {
        chain: request.id,
        requestId: request.id,
        head: { seq: request.auditHeadSeq, hash: request.auditHeadHash },
        actor: viewer.actor,
        event: REVEAL_EVENT,
        fromStatus: null,
        toStatus: null,
        details: {},
        public: false,
        ip: client.ip,
        userAgent: client.userAgent,
        createdAt: now,
      });
      const moved = await tx.request.updateMany({
        where: { id: request.id, auditHeadSeq: request.auditHeadSeq },
        data: { auditHeadSeq: entry.seq, auditHeadHash: entry.hash },
      });
      if (moved.count !== 1) throw new HeadMoved();
      return { ok: true, email: request.subjectEmail, auditEntryId: entry.id };
    });
  } catch (error) {
    // Someone else appended to the chain at the same moment (or PostgreSQL's unique (chain, seq)).
    if (error instanceof HeadMoved || (error as { code?: string }).code === "P2002")
      return { ok: false, code: "conflict" };
    throw error;
  }
}

class HeadMoved extends Error {}

/**
 * The addresses `viewer` revealed among `requestIds` within the last REVEAL_SHOWN_MINUTES, by
 * request id: what a page may show unmasked to them. Reads the audit entries, so nothing is shown
 * that was not recorded.
 */
export async function revealedSubjects(
  db: Db,
  viewer: Viewer,
  requestIds: string[],
  now: Date = new Date(),
): Promise<Map<string, string>> {
  if (!requestIds.length || !may(viewer.actor.role, "subject.reveal")) return new Map();
  const entries = await db.auditEntry.findMany({
    where: {
      requestId: { in: requestIds },
      event: REVEAL_EVENT,
      actorId: viewer.actor.userId,
      createdAt: { gte: new Date(now.getTime() - REVEAL_SHOWN_MINUTES * 60_000) },
    },
    select: { requestId: true },
  });
  const ids = [...new Set(entries.map((e) => e.requestId).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const requests = await db.request.findMany({
    where: { id: { in: ids }, minimisedAt: null },
    select: { id: true, subjectEmail: true },
  });
  return new Map(requests.map((r) => [r.id, r.subjectEmail]));
}
