// One of the signed-in data subject's requests, with everything they may see: status,
// due date and the public events of its audit log, reasons and texts resolved. Not
// theirs, or not there: the same answer, so nobody learns which references exist.
import "server-only";
import { resolveAuditTexts } from "../audit/resolve-texts";
import { currentSession } from "../auth/session";
import { db } from "../db/client";
import { normaliseText } from "../input/normalise-text";
import { ownedBy } from "./my-request-scope";
import type { RequestStatus } from "./workflow/states";

export interface TimelineEvent {
  seq: number;
  event: string;
  at: Date;
  /** Public details, with every text reference replaced by its words (null once erased). */
  details: Record<string, unknown>;
}

export interface ThreadMessage {
  id: string;
  /** inbound: the subject's side wrote it; outbound: the privacy team did. */
  direction: "inbound" | "outbound";
  at: Date;
  body: string;
  attachments: Array<{ id: string; fileName: string; size: number }>;
}

export interface MyRequestCase {
  reference: string;
  type: string;
  status: RequestStatus;
  submittedAt: Date;
  receivedAt: Date | null;
  dueDate: string | null;
  extendedAt: Date | null;
  /** What the person asked for (lib/requests/details/schemas.ts); {} once minimised. */
  requestDetails: unknown;
  /** The open request of the same type this one was linked to at confirmation. */
  duplicateOf: string | null;
  timeline: TimelineEvent[];
  /** The messages between the subject and the team, oldest first. Internal notes are another table, never read here. */
  thread: ThreadMessage[];
  /** Files the subject sent with the request form itself. */
  documents: Array<{ id: string; fileName: string; size: number }>;
  /** While the team waits for the subject (Art. 12(6)): what it asked, null once erased. */
  openQuestion: string | null;
  /** While the team waits for the subject: the thread's message that holds the question (shown once, as the call to action). */
  openQuestionMessageId: string | null;
  /** While a fee awaits the subject's decision (Art. 12(5)(a)): the amount in euro cents and the reasons (null once erased). */
  feeAnnouncement: { amountCents: number; reasons: string | null } | null;
  /**
   * How far the systems holding the subject's data have been dealt with (lib/fulfilment/tasks): tasks
   * finished (done, not applicable) of all that count; null before any is planned. Counts only: a
   * system's internal errors are staff's business, never shown here.
   */
  fulfilment: { finished: number; total: number } | null;
}

export type MyRequestResult = { signedIn: false } | { signedIn: true; request: MyRequestCase | null };

export async function findMyRequest(reference: string): Promise<MyRequestResult> {
  const session = await currentSession();
  if (!session) return { signedIn: false };
  // A reference from the URL that the input normaliser refuses (a NUL, which PostgreSQL cannot even
  // compare) names no request: the same answer as any other reference that is not theirs.
  if (!normaliseText(reference).ok) return { signedIn: true, request: null };
  const { id, email } = session.user;
  const request = await db().request.findFirst({
    where: { reference, ...ownedBy({ id, email }) },
    include: {
      auditEntries: { where: { public: true }, orderBy: { seq: "asc" } },
      duplicateOf: { select: { reference: true } },
      attachments: {
        where: { messageId: null, uploadedBy: "subject" },
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, size: true },
      },
      tasks: { where: { status: { not: "cancelled" } }, select: { status: true } },
      messages: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          direction: true,
          createdAt: true,
          body: true,
          attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
        },
      },
    },
  });
  if (!request) return { signedIn: true, request: null };

  const details = await resolveAuditTexts(db(), request.auditEntries);
  const timeline = request.auditEntries.map((entry, i) => ({
    seq: entry.seq,
    event: entry.event,
    at: entry.createdAt,
    details: details[i]!,
  }));
  const asked = timeline.findLast((e) => e.event === "information_requested")?.details;
  const awaiting = request.status === "awaiting_subject";
  const fee =
    request.status === "awaiting_fee" ? timeline.findLast((e) => e.event === "fee_announced")?.details : undefined;
  return {
    signedIn: true,
    request: {
      reference: request.reference,
      type: request.type,
      status: request.status,
      submittedAt: request.submittedAt,
      receivedAt: request.receivedAt,
      dueDate: request.dueDate,
      extendedAt: request.extendedAt,
      requestDetails: request.details,
      duplicateOf: request.duplicateOf?.reference ?? null,
      documents: request.attachments,
      timeline,
      thread: request.messages.map((m) => ({
        id: m.id,
        direction: m.direction,
        at: m.createdAt,
        body: m.body,
        attachments: m.attachments,
      })),
      openQuestion: awaiting && typeof asked?.message === "string" ? asked.message : null,
      openQuestionMessageId: awaiting && typeof asked?.messageId === "string" ? asked.messageId : null,
      feeAnnouncement:
        fee && typeof fee.amountCents === "number"
          ? { amountCents: fee.amountCents, reasons: typeof fee.reasons === "string" ? fee.reasons : null }
          : null,
      fulfilment:
        request.tasks.length === 0
          ? null
          : {
              finished: request.tasks.filter((t) => t.status === "done" || t.status === "not_applicable").length,
              total: request.tasks.length,
            },
    },
  };
}
