// The one place that changes a request's status, due dates or extension: it loads
// the request, checks who is acting, asks the state machine, and writes the change
// together with its audit entry in one transaction. A concurrent change by someone
// else makes it fail with "conflict" instead of overwriting.
import { deleteAttachmentFiles } from "../attachments/attachment-files";
import { discardAttachmentRows } from "../attachments/discard-attachments";
import { appendAuditEntry } from "../audit/append-audit-entry";
import type { Db } from "../db/client";
import type { Tx } from "../db/tx";
import { enqueueMail } from "../mail/outbox/enqueue-mail";
import { mailsForEvent } from "./mails-for-event";
import { staffToAlert } from "./staff-to-alert";
import { minimiseRequestMails } from "./minimise-mails";
import { minimisedAddress } from "./minimised-address";
import { pausesOf } from "./pauses-of";
import type { RequestSettings } from "./request-settings";
import type { RequestType } from "./request-types";
import type { Actor } from "./workflow/actor";
import type { Command } from "./workflow/commands";
import type { WorkflowError } from "./workflow/errors";
import { activeStatuses, type RequestStatus } from "./workflow/states";
import { transition } from "./workflow/transition";
import { unfinishedTaskStatuses } from "../fulfilment/tasks/task-states";

export type TransitionFailure = WorkflowError | { code: "not_found" } | { code: "conflict" };

export type TransitionOutcome =
  | { ok: true; status: RequestStatus; auditEntryId: string; dueDate: string | null }
  | { ok: false; error: TransitionFailure };

export interface TransitionArgs {
  requestId: string;
  actor: Actor;
  command: Command;
  ip?: string | null;
  userAgent?: string | null;
  /**
   * What must be stored with the step or not at all, in its transaction: e.g. the files sent with a
   * message (the thread message's id is given when the step wrote one).
   */
  withinStep?: (tx: Tx, step: { requestId: string; messageId: string | null }) => Promise<void>;
  /**
   * The request's `version` the actor saw (the back office's forms carry it): if someone changed the
   * request since, the step fails with "conflict" instead of acting on what the actor did not see.
   */
  expectedVersion?: number;
}

class Abort extends Error {
  constructor(readonly failure: TransitionFailure) {
    super(failure.code);
  }
}

export async function transitionRequest(
  db: Db,
  args: TransitionArgs,
  settings: RequestSettings,
  now = new Date(),
): Promise<TransitionOutcome> {
  try {
    const { outcome, discardedFiles } = await db.$transaction((tx) => run(tx, args, settings, now));
    // Only once the rows are gone for good (see lib/attachments/discard-attachments.ts).
    await deleteAttachmentFiles(settings.attachmentsDir, discardedFiles);
    return outcome;
  } catch (error) {
    if (error instanceof Abort) return { ok: false, error: error.failure };
    // Two writers raced for the same audit sequence number (PostgreSQL; on SQLite transactions take
    // turns, lib/db/sqlite-adapter.ts). A database still locked after the busy timeout is a fault,
    // not someone else's change, so it is not reported as a conflict.
    if ((error as { code?: string }).code === "P2002") return { ok: false, error: { code: "conflict" } };
    throw error;
  }
}

async function run(
  tx: Tx,
  args: TransitionArgs,
  settings: RequestSettings,
  now: Date,
): Promise<{ outcome: TransitionOutcome; discardedFiles: string[] }> {
  const context = {
    policy: settings.policy,
    unverifiedExpiryDays: settings.unverifiedExpiryDays,
    reopenDays: settings.reopenDays,
    now,
  };
  const request = await tx.request.findUnique({
    where: { id: args.requestId },
    include: {
      _count: { select: { tasks: { where: { required: true, status: { in: [...unfinishedTaskStatuses] } } } } },
    },
  });
  if (!request) throw new Abort({ code: "not_found" });
  const claimsByAddress = await authorise(tx, args, request);

  const result = transition(
    {
      reference: request.reference,
      type: request.type,
      language: request.language,
      status: request.status,
      submittedAt: request.submittedAt,
      receivedAt: request.receivedAt,
      extendedAt: request.extendedAt,
      firstDueAt: request.firstDueAt,
      dueAt: request.dueAt,
      closedAt: request.closedAt,
      assigneeId: request.assigneeId,
      openTaskCount: request._count.tasks,
      pauses: await pausesOf(tx, request.id),
      openDuplicate:
        args.command.name === "verify"
          ? await openDuplicateOf(tx, request.id, request.type, request.subjectEmail)
          : null,
      announcedFeeCents: args.command.name === "accept_fee" ? await announcedFeeCents(tx, request.id) : null,
    },
    args.actor,
    args.command,
    context,
  );
  if (!result.ok) throw new Abort(result.error);
  // After authorise and the state machine, so that a stale form by someone not allowed to act still
  // learns only that (and a non-staff caller learns nothing about versions).
  if (args.expectedVersion !== undefined && args.expectedVersion !== request.version) {
    throw new Abort({ code: "conflict" });
  }
  if (args.command.name === "assign" && result.changes.assigneeId) await mustBeStaff(tx, result.changes.assigneeId);

  // Messages from or to the subject also go to the thread the case page shows.
  const auditDetails = await keepNote(
    tx,
    request.id,
    args,
    await moveMessageToThread(tx, request.id, args, result.event.details, now),
    now,
  );
  const entry = await appendAuditEntry(tx, {
    chain: request.id,
    requestId: request.id,
    head: { seq: request.auditHeadSeq, hash: request.auditHeadHash },
    actor: args.actor,
    event: result.event.event,
    fromStatus: result.from,
    toStatus: result.to,
    details: auditDetails,
    public: result.event.public,
    ip: args.ip,
    userAgent: args.userAgent,
    createdAt: context.now,
  });
  const { minimise, ...changes } = result.changes;
  // Verification links the confirming account only if it is the address the request names; so does any
  // other step the subject takes on an unlinked request by that address (authorise checked it).
  const linkSubject =
    !minimise &&
    (claimsByAddress ||
      (args.command.name === "verify" &&
        args.actor.type === "subject" &&
        args.actor.userId !== null &&
        !request.subjectUserId &&
        (await accountEmail(tx, args.actor.userId)) === request.subjectEmail));
  const updated = await tx.request.updateMany({
    where: { id: request.id, version: request.version },
    data: {
      status: result.to,
      ...changes,
      ...(minimise ? { ...minimised(request.subjectEmail), minimisedAt: now } : {}),
      ...(linkSubject ? { subjectUserId: (args.actor as { userId: string }).userId } : {}),
      version: { increment: 1 },
      auditHeadSeq: entry.seq,
      auditHeadHash: entry.hash,
    },
  });
  if (updated.count !== 1) throw new Abort({ code: "conflict" });
  await args.withinStep?.(tx, {
    requestId: request.id,
    messageId: typeof auditDetails.messageId === "string" ? auditDetails.messageId : null,
  });
  const discardedFiles: string[] = [];
  if (minimise) {
    // The chain commits to these by digest only, so erasing them keeps it verifiable.
    await tx.auditEntry.updateMany({ where: { requestId: request.id }, data: { ip: null, userAgent: null } });
    await tx.auditText.updateMany({ where: { requestId: request.id }, data: { text: null } });
    discardedFiles.push(...(await discardAttachmentRows(tx, request.id)));
    await minimiseRequestMails(tx, request.id, request.subjectEmail);
  }

  const dueDate = result.changes.dueDate ?? request.dueDate;
  const mails = mailsForEvent({
    request: {
      id: request.id,
      reference: request.reference,
      type: request.type,
      language: request.language,
      subjectEmail: request.subjectEmail,
      subjectName: request.subjectName,
    },
    event: result.event,
    dueDate,
    receivedDate: (result.event.details.receiptDate as string | undefined) ?? null,
    staff: await staffToAlert(tx, result.changes.assigneeId ?? request.assigneeId),
    settings: settings.mail,
  });
  // Queued after the scrub above: a withdrawal's confirmation still goes out, and the outbox forgets
  // its address once it is sent (deliver-due-mails.ts).
  for (const mail of mails) await enqueueMail(tx, mail, now);
  return { outcome: { ok: true, status: result.to, auditEntryId: entry.id, dueDate }, discardedFiles };
}

/** What is left of the requester once a request is minimised: no name, no details, the address as a digest. */
function minimised(subjectEmail: string) {
  return { subjectEmail: minimisedAddress(subjectEmail), subjectName: null, subjectUserId: null, details: {} };
}

/**
 * A subject or agent acts only on a request linked to their account (verification
 * excepted: the caller has checked the single-use link, which is the proof). A subject
 * may also act on a request linked to nobody that names their account's address: the
 * account's sign-in link proved the address as the confirmation link would have (the
 * case page shows them such requests, so it must let them act on them too). Returns
 * true then, so that the step links the request to the account. Staff must still hold
 * the role their session claims. Anything else looks like a missing request, so that
 * nobody learns which references exist.
 */
async function authorise(
  tx: Tx,
  args: TransitionArgs,
  request: { subjectUserId: string | null; subjectEmail: string },
): Promise<boolean> {
  const { actor, command } = args;
  if (actor.type === "subject" || actor.type === "agent") {
    if (command.name === "verify") return false;
    if (!actor.userId) throw new Abort({ code: "not_found" });
    if (actor.userId === request.subjectUserId) return false;
    const byAddress =
      actor.type === "subject" &&
      request.subjectUserId === null &&
      (await accountEmail(tx, actor.userId)) === request.subjectEmail;
    if (!byAddress) throw new Abort({ code: "not_found" });
    return true;
  }
  if (actor.type === "staff") {
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { role: true } });
    if (!user || user.role !== actor.role) {
      throw new Abort({ code: "actor_not_permitted", command: command.name, actor: "staff", role: actor.role });
    }
  }
  return false;
}

/** Who may be given a case: an active DPO or privacy-team member (an admin sees no subject data, an auditor changes nothing). */
async function mustBeStaff(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
  if (!user || (user.role !== "dpo" && user.role !== "privacy_team") || user.deactivatedAt !== null)
    throw new Abort({ code: "invalid_input", command: "assign", issues: ["assigneeId: not an active case worker"] });
}

/** An internal note is also an InternalNote row (the case file's notes), written with its audit entry. */
async function keepNote(
  tx: Tx,
  requestId: string,
  args: TransitionArgs,
  details: Record<string, unknown>,
  now: Date,
): Promise<Record<string, unknown>> {
  if (args.command.name !== "add_note" || args.actor.type !== "staff" || typeof details.note !== "string") {
    return details;
  }
  const note = await tx.internalNote.create({
    data: { requestId, authorId: args.actor.userId, body: details.note, createdAt: now },
    select: { id: true },
  });
  return { ...details, noteId: note.id };
}

async function moveMessageToThread(
  tx: Tx,
  requestId: string,
  args: TransitionArgs,
  details: Record<string, unknown>,
  now: Date,
): Promise<Record<string, unknown>> {
  const { command, actor } = args;
  const threaded = ["request_information", "record_subject_response", "send_message"];
  if (!threaded.includes(command.name) || typeof details.message !== "string") return details;
  const message = await tx.requestMessage.create({
    data: {
      requestId,
      direction: actor.type === "staff" ? "outbound" : "inbound",
      authorUserId: actor.type === "system" ? null : actor.userId,
      body: details.message,
      createdAt: now,
    },
    select: { id: true },
  });
  // The words stay in the details too: the audit chain commits to them (by digest, see lib/audit/free-text.ts).
  return { ...details, messageId: message.id };
}

async function accountEmail(tx: Tx, userId: string): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  return user ? user.email.toLowerCase() : null;
}

/** The oldest verified, still open request of this type from this address, if any. */
async function openDuplicateOf(
  tx: Tx,
  requestId: string,
  type: RequestType,
  subjectEmail: string,
): Promise<{ id: string; reference: string } | null> {
  return tx.request.findFirst({
    where: {
      id: { not: requestId },
      type,
      subjectEmail,
      status: { in: [...activeStatuses] },
    },
    orderBy: { receivedAt: "asc" },
    select: { id: true, reference: true },
  });
}

/** The amount of the latest fee announced on the request (Art. 12(5)(a)), in euro cents; null if none. */
async function announcedFeeCents(tx: Tx, requestId: string): Promise<number | null> {
  const entry = await tx.auditEntry.findFirst({
    where: { requestId, event: "fee_announced" },
    orderBy: { seq: "desc" },
    select: { details: true },
  });
  // Stored as canonical JSON text (lib/audit/append-audit-entry.ts); the amount is a number, not free text.
  const amount = entry ? (JSON.parse(entry.details) as { amountCents?: unknown }).amountCents : undefined;
  return typeof amount === "number" ? amount : null;
}
