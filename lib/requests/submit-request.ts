// A new request enters the portal as awaiting_verification, with its first audit
// entry in the same transaction. (Besides transitionRequest, this is the only
// place that writes a status: the initial one.)
import { appendAuditEntry } from "../audit/append-audit-entry";
import { flavorOf, type Db } from "../db/client";
import type { Tx } from "../db/tx";
import { canonicalEmail } from "../input/email-address";
import { parseDetails, subjectNameSchema } from "./details/schemas";
import { nextReference } from "./next-reference";
import type { RequestType } from "./request-types";
import type { Actor } from "./workflow/actor";

export interface SubmitInput {
  type: RequestType;
  details: unknown;
  subjectEmail: string;
  subjectName?: string | null;
  language: "de" | "en";
  statementVersion: string;
  /**
   * A signed-in subject. Linked only when the account's (verified) address is the one the request
   * names: otherwise anyone signed in could file for someone else's address and then act on it.
   */
  subjectUserId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export type SubmitResult = { ok: true; id: string; reference: string } | { ok: false; issues: string[] };

/** Runs inside the submitting transaction: what must exist together with the request (its files, its mail). */
export type AfterSubmit = (tx: Tx, created: { id: string; reference: string; subjectEmail: string }) => Promise<void>;

/** Runs first inside the submitting transaction (e.g. counting abuse limits); throwing rolls all of it back. */
export type BeforeSubmit = (tx: Tx) => Promise<void>;

export async function submitRequest(
  db: Db,
  input: SubmitInput,
  now = new Date(),
  afterSubmit?: AfterSubmit,
  beforeSubmit?: BeforeSubmit,
): Promise<SubmitResult> {
  const details = parseDetails(input.type, input.details);
  if (!details.success)
    return { ok: false, issues: details.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  // Stored in the canonical form that sign-in, duplicates and limits compare (lib/input/email-address.ts).
  const email = canonicalEmail(input.subjectEmail);
  if (!email.ok) return { ok: false, issues: [`subjectEmail: ${email.error.code}`] };
  const subjectEmail = email.address;
  const name = subjectNameSchema.safeParse(input.subjectName ?? "");
  if (!name.success) return { ok: false, issues: name.error.issues.map((i) => `subjectName: ${i.message}`) };
  // PostgreSQL: the reference is taken before the transaction, so that concurrent filings do not queue
  // on the counter's row lock until each commits (a failed filing leaves a gap in the numbers). SQLite
  // runs one writer at a time anyway, and there it costs no commit of its own inside the transaction.
  const takenEarly = flavorOf(db) === "postgres" ? await nextReference(db, now) : null;
  return db.$transaction(async (tx) => {
    await beforeSubmit?.(tx);
    const account = input.subjectUserId
      ? await tx.user.findUnique({ where: { id: input.subjectUserId }, select: { id: true, email: true } })
      : null;
    const subjectUserId = account && account.email.toLowerCase() === subjectEmail ? account.id : null;
    const actor: Actor = { type: "subject", userId: subjectUserId };
    const reference = takenEarly ?? (await nextReference(tx, now));
    const request = await tx.request.create({
      data: {
        reference,
        type: input.type,
        details: details.data,
        subjectEmail,
        subjectName: name.data || null,
        subjectUserId,
        language: input.language,
        status: "awaiting_verification",
        submittedAt: now,
        statementVersion: input.statementVersion,
      },
      select: { id: true },
    });
    const entry = await appendAuditEntry(tx, {
      chain: request.id,
      requestId: request.id,
      head: { seq: 0, hash: null },
      actor,
      event: "submitted",
      fromStatus: null,
      toStatus: "awaiting_verification",
      details: { type: input.type, statementVersion: input.statementVersion },
      public: true,
      ip: input.ip,
      userAgent: input.userAgent,
      createdAt: now,
    });
    await tx.request.update({
      where: { id: request.id },
      data: { auditHeadSeq: entry.seq, auditHeadHash: entry.hash },
    });
    await afterSubmit?.(tx, { id: request.id, reference, subjectEmail });
    return { ok: true as const, id: request.id, reference };
  });
}
