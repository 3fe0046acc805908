// After filing: what the check-email page may say about the request just filed, and sending its
// confirmation mail again. Only the browser that filed it knows which request that is (a signed
// cookie, lib/security/ticket-cookie.ts); the page shows the address masked, and a resend goes to the
// request's own address, for that request only, while it still awaits confirmation, and counts against
// the same abuse limits as filing (a resend is a mail to an address, as a filing is).
import { maskedAddress } from "../../format/masked-address";
import type { SignInLinkSettings } from "../../auth/sign-in-link";
import type { Db } from "../../db/client";
import type { RequestType } from "../request-types";
import { queueConfirmationLink } from "./confirmation-link";

export interface FiledRequestView {
  /** `j***@example.org`: enough for the person to recognise the address, nothing more. */
  maskedEmail: string;
  /** Whether the request still waits for its confirmation (otherwise there is nothing to send). */
  awaitingConfirmation: boolean;
}

/** What the check-email page shows about the request with this id; null when there is none. */
export async function filedRequestView(db: Db, requestId: string): Promise<FiledRequestView | null> {
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: { subjectEmail: true, status: true },
  });
  if (!request) return null;
  return {
    maskedEmail: maskedAddress(request.subjectEmail),
    awaitingConfirmation: request.status === "awaiting_verification",
  };
}

export interface ResendContext {
  db: Db;
  link: SignInLinkSettings;
  unverifiedExpiryDays: number;
  /** The abuse limits, asked with the request's own address once it is known to await confirmation. */
  limit: (email: string) => Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
  now?: Date;
}

export type ResendOutcome =
  | { kind: "sent"; maskedEmail: string }
  | { kind: "limited"; retryAfterSeconds: number }
  /** Confirmed, withdrawn or expired meanwhile: no link to send. */
  | { kind: "not_awaiting" }
  | { kind: "not_found" };

/** Queues a new confirmation mail (a new single-use link) for this one request, if it still awaits one. */
export async function resendConfirmation(requestId: string, context: ResendContext): Promise<ResendOutcome> {
  const now = context.now ?? new Date();
  const select = { id: true, reference: true, type: true, subjectEmail: true, language: true, status: true } as const;
  const found = await context.db.request.findUnique({ where: { id: requestId }, select });
  if (!found) return { kind: "not_found" };
  if (found.status !== "awaiting_verification") return { kind: "not_awaiting" };
  const limited = await context.limit(found.subjectEmail);
  if (!limited.ok) return { kind: "limited", retryAfterSeconds: limited.retryAfterSeconds };
  return context.db.$transaction(async (tx) => {
    // Checked again inside the transaction: confirmed or expired meanwhile, it gets no new link.
    const request = await tx.request.findUnique({ where: { id: requestId }, select });
    if (request?.status !== "awaiting_verification") return { kind: "not_awaiting" as const };
    await queueConfirmationLink(
      tx,
      {
        id: request.id,
        reference: request.reference,
        type: request.type as RequestType,
        subjectEmail: request.subjectEmail,
        language: request.language === "en" ? "en" : "de",
      },
      { ...context.link, unverifiedExpiryDays: context.unverifiedExpiryDays },
      now,
    );
    return { kind: "sent" as const, maskedEmail: maskedAddress(request.subjectEmail) };
  });
}
