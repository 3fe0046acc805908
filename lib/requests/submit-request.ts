// A new request enters the portal as awaiting_verification, with its first audit
// entry in the same transaction. (Besides transitionRequest, this is the only
// place that writes a status: the initial one.)
import { prepareAuditEntry, storeAuditEntryDirectly, type AuditInput } from "../audit/append-audit-entry";
import { flavorOf, type Db } from "../db/client";
import { directStatements, directTransaction, type DirectTx } from "../db/direct/direct-transaction";
import { canonicalEmail } from "../input/email-address";
import { parseDetails, subjectNameSchema } from "./details/schemas";
import { nextReferenceDirectly } from "./next-reference";
import type { RequestType } from "./request-types";
import type { Actor } from "./workflow/actor";
import { newId } from "../db/direct/new-id";

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
export type AfterSubmit = (
  tx: DirectTx,
  created: { id: string; reference: string; subjectEmail: string },
) => Promise<void>;

/** Runs first inside the submitting transaction (e.g. counting abuse limits); throwing rolls all of it back. */
export type BeforeSubmit = (tx: DirectTx) => Promise<void>;

/**
 * Stores a new request awaiting verification with its first audit entry (and what `afterSubmit` adds)
 * in one transaction. Written with direct statements (lib/db/direct/): filing is the write a portal
 * must take by the thousand after breach news, and Prisma's per-query work was most of its cost. The
 * rows are the ones Prisma would write (lib/requests/intake/file-request.test.ts and
 * the workflow's tests read them back through Prisma, lib/db/direct/direct-transaction.test.ts their values).
 * Returns the issues instead when the input does not pass the request's schemas; throws what
 * `beforeSubmit`/`afterSubmit` throw, and database errors.
 */
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
  const takenEarly =
    flavorOf(db) === "postgres" ? await directStatements(db, (tx) => nextReferenceDirectly(tx, now)) : null;
  return directTransaction(db, async (tx) => {
    await beforeSubmit?.(tx);
    const account = input.subjectUserId
      ? await tx.get<{ id: string; email: string }>(`SELECT "id", "email" FROM "User" WHERE "id" = ?`, [
          input.subjectUserId,
        ])
      : undefined;
    const subjectUserId = account && account.email.toLowerCase() === subjectEmail ? account.id : null;
    const actor: Actor = { type: "subject", userId: subjectUserId };
    const reference = takenEarly ?? (await nextReferenceDirectly(tx, now));
    const id = newId();
    // The audit entry's hash covers nothing the database makes, so the request is stored with its
    // audit head already in place (one statement fewer than insert, append, update).
    const entry = await prepareAuditEntry(submittedEntry(id, actor, input, now), newId);
    await tx.run(
      `INSERT INTO "Request" ("id", "reference", "type", "details", "subjectEmail", "subjectName", "subjectUserId",
         "language", "status", "submittedAt", "statementVersion", "version", "auditHeadSeq", "auditHeadHash",
         "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_verification', ?, ?, 0, ?, ?, ?, ?)`,
      [
        id,
        reference,
        input.type,
        JSON.stringify(details.data),
        subjectEmail,
        name.data || null,
        subjectUserId,
        input.language,
        now,
        input.statementVersion,
        entry.entry.seq,
        entry.entry.hash,
        now,
        now,
      ],
    );
    await storeAuditEntryDirectly(tx, entry);
    await afterSubmit?.(tx, { id, reference, subjectEmail });
    return { ok: true as const, id, reference };
  });
}

/** The first audit entry of request `id`: "submitted". */
function submittedEntry(id: string, actor: Actor, input: SubmitInput, now: Date): AuditInput {
  return {
    chain: id,
    requestId: id,
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
  };
}
