// The case file: everything staff may know about one request, on one page (issue 13). Only for a
// viewer whose role holds "case.view" (dpo, privacy team, auditor); anyone else, like a reference that
// does not exist, gets null (the page answers 404). The subject's address is masked here; unmasking
// is its own audited step (lib/backoffice/reveal/, built separately).
import "server-only";
import { resolveAuditTexts } from "../../audit/resolve-texts";
import { computeDeadline, type Deadline, type DeadlinePolicy } from "../../deadlines";
import type { Db } from "../../db/client";
import { maskedAddress } from "../../format/masked-address";
import { normaliseText } from "../../input/normalise-text";
import { pausesOf } from "../../requests/pauses-of";
import type { RequestType } from "../../requests/request-types";
import type { StaffRole } from "../../requests/workflow/actor";
import type { RequestStatus } from "../../requests/workflow/states";
import { may } from "../access/capabilities";
import { commandsFor, type CaseCommand } from "./case-commands";
import { templates } from "../../mail/templates";
import type { RecordTypeResult } from "../../fulfilment/connectors/types";
import { isUnfinished, type TaskStatus } from "../../fulfilment/tasks/task-states";

/** Whether `template` names a notice whose text the DPO may edit. */
const isNotice = (template: string) => Boolean(templates[template as keyof typeof templates]?.notice);

export interface CaseViewer {
  actor: { type: "staff"; userId: string; role: StaffRole };
}

/** Who did something, as staff read it: a person with name, address and role, the subject's side, or the system. */
export type CaseActor =
  | { kind: "staff"; name: string | null; email: string | null; role: StaffRole | null }
  | { kind: "subject" | "agent" | "system" };

export interface CaseTimelineEntry {
  seq: number;
  event: string;
  at: Date;
  actor: CaseActor;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  /** Whether the subject sees this step on their own case page. */
  public: boolean;
  /** The details with their words put back (null where erased). */
  details: Record<string, unknown>;
}

export interface CaseAttachment {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
  uploadedBy: "subject" | "agent" | "staff" | "system";
  at: Date;
  messageId: string | null;
}

export interface CaseFile {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  language: "de" | "en";
  /** The optimistic lock: every form carries it, a stale one fails with "conflict". */
  version: number;
  /** The subject's address masked ("a***@example.org"); the reveal step shows it whole. */
  subjectMasked: string;
  subjectName: string | null;
  /** What the subject asked for (lib/requests/details/schemas.ts); {} once minimised. */
  details: unknown;
  minimised: boolean;
  verification: {
    /** When the subject confirmed the request by its link (receipt, Art. 12(3)); null: not yet. */
    confirmedAt: Date | null;
    /** Whether the request is linked to a portal account (the sign-in link proved the address). */
    linkedAccount: boolean;
    /** How often the team asked for identity proof (Art. 12(6)) and how often the subject answered. */
    identityRequests: number;
  };
  submittedAt: Date;
  closedAt: Date | null;
  duplicateOf: string | null;
  assignee: { id: string; name: string | null; email: string; role: StaffRole | null } | null;
  /** The due date as the engine computes it now, with its reasoning; null before receipt. */
  deadline: (Deadline & { firstDue: string; extendedAt: Date | null; storedDueDate: string | null }) | null;
  /** Every audit entry, public and internal, oldest first. */
  timeline: CaseTimelineEntry[];
  thread: Array<{
    id: string;
    direction: "inbound" | "outbound";
    at: Date;
    body: string;
    author: CaseActor;
    attachments: CaseAttachment[];
  }>;
  notes: Array<{ id: string; at: Date; body: string; author: CaseActor }>;
  /** Every file of the request, with the form or a message. */
  attachments: CaseAttachment[];
  /** The fulfilment tasks, one per connector and step (lib/fulfilment/tasks), oldest first. */
  tasks: CaseTask[];
  /** Required tasks still unfinished: each blocks complete and partially_complete (Art. 12(3), 17, 19). */
  blockingTasks: Array<{ id: string; name: string; step: string | null; status: TaskStatus }>;
  mails: Array<{
    id: string;
    template: string;
    language: string;
    /** Masked when it is the subject's address. */
    to: string;
    status: "pending" | "sending" | "sent" | "failed";
    attempts: number;
    lastError: string | null;
    queuedAt: Date;
    sentAt: Date | null;
    /**
     * For a notice the DPO may edit: the text version it was rendered from (lib/backoffice/templates/),
     * or "default" for the shipped text; null for any other mail.
     */
    text: { version: number; requestType: string } | "default" | null;
  }>;
  /** What the viewer may do now (rules.ts); empty for an auditor and on cases nobody works on. */
  commands: CaseCommand[];
  /** Who the case can be given to: active DPOs and privacy-team members. */
  assignees: Array<{ id: string; name: string | null; email: string; role: StaffRole }>;
}

export interface CaseTask {
  id: string;
  title: string;
  system: string | null;
  /** The connector's name (null for a task a person added by hand). */
  connectorName: string | null;
  step: string | null;
  status: TaskStatus;
  required: boolean;
  /** The optimistic lock the task's forms carry. */
  version: number;
  attempts: number;
  nextAttemptAt: Date | null;
  /** The connector's own words on the last failure: for staff only, never shown to the subject. */
  lastError: string | null;
  note: string | null;
  /** What the connector did, per record type (OperationResult.records); [] before it answered. */
  records: RecordTypeResult[];
  /** Records handled and expected; total null while unknown. */
  progress: { done: number; total: number | null };
  completedAt: Date | null;
}

const caseWorkers = ["dpo", "privacy_team"] as const;

/**
 * The case file of `reference` for `viewer`, or null: the role lacks "case.view" (an admin sees no
 * subject data), or no such request. `policy` is the deadline engine's; `now` the instant the
 * deadline's open pauses are counted to.
 */
export async function loadCaseFile(
  db: Db,
  viewer: CaseViewer,
  reference: string,
  policy: DeadlinePolicy,
  now: Date = new Date(),
): Promise<CaseFile | null> {
  if (!may(viewer.actor.role, "case.view")) return null;
  if (reference.length > 40 || !normaliseText(reference).ok) return null;
  const staffSelect = { select: { id: true, name: true, email: true, role: true } } as const;
  const attachmentSelect = {
    select: {
      id: true,
      fileName: true,
      size: true,
      contentType: true,
      uploadedBy: true,
      createdAt: true,
      messageId: true,
    },
    orderBy: { createdAt: "asc" },
  } as const;
  const request = await db.request.findUnique({
    where: { reference },
    include: {
      assignee: staffSelect,
      duplicateOf: { select: { reference: true } },
      auditEntries: { orderBy: { seq: "asc" } },
      messages: {
        orderBy: { createdAt: "asc" },
        include: { author: staffSelect, attachments: attachmentSelect },
      },
      notes: { orderBy: { createdAt: "asc" }, include: { author: staffSelect } },
      attachments: attachmentSelect,
      tasks: { orderBy: { createdAt: "asc" }, include: { connector: { select: { name: true } } } },
      mails: {
        orderBy: { createdAt: "asc" },
        include: { noticeText: { select: { version: true, requestType: true } } },
      },
    },
  });
  if (!request) return null;

  const actorIds = [...new Set(request.auditEntries.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, ...staffSelect })).map((u) => [u.id, u]),
  );
  const staffActor = (user: { name: string | null; email: string; role: StaffRole | null }): CaseActor => ({
    kind: "staff",
    name: user.name,
    email: user.email,
    role: user.role,
  });
  const details = await resolveAuditTexts(db, request.auditEntries);
  const timeline: CaseTimelineEntry[] = request.auditEntries.map((entry, i) => {
    const person = entry.actorId ? people.get(entry.actorId) : undefined;
    const actor: CaseActor =
      entry.actorType === "staff"
        ? // The role the entry recorded is the role the person acted in, whatever it is today.
          { kind: "staff", name: person?.name ?? null, email: person?.email ?? null, role: entry.actorRole }
        : { kind: entry.actorType };
    return {
      seq: entry.seq,
      event: entry.event,
      at: entry.createdAt,
      actor,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      public: entry.public,
      details: details[i]!,
    };
  });

  const attachment = (a: (typeof request.attachments)[number]): CaseAttachment => ({
    id: a.id,
    fileName: a.fileName,
    size: a.size,
    contentType: a.contentType,
    uploadedBy: a.uploadedBy,
    at: a.createdAt,
    messageId: a.messageId,
  });

  let deadline: CaseFile["deadline"] = null;
  if (request.receivedAt) {
    const pauses = await pausesOf(db, request.id);
    const extended = request.extendedAt !== null;
    const current = computeDeadline({ receivedAt: request.receivedAt, extended, pauses }, policy, now);
    const first = extended
      ? computeDeadline({ receivedAt: request.receivedAt, extended: false, pauses }, policy, now).due
      : current.due;
    deadline = { ...current, firstDue: first, extendedAt: request.extendedAt, storedDueDate: request.dueDate };
  }

  const assignees = await db.user.findMany({
    where: { role: { in: [...caseWorkers] }, deactivatedAt: null },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, role: true },
  });
  const subjectEmail = request.subjectEmail;
  const tasks: CaseTask[] = request.tasks.map((t) => ({
    id: t.id,
    title: t.title,
    system: t.system,
    connectorName: t.connector?.name ?? null,
    step: t.step,
    status: t.status,
    required: t.required,
    version: t.version,
    attempts: t.attempts,
    nextAttemptAt: t.nextAttemptAt,
    lastError: t.lastError,
    note: t.note,
    records: recordsOf(t.result),
    progress: { done: t.progressDone, total: t.progressTotal },
    completedAt: t.completedAt,
  }));
  return {
    id: request.id,
    reference: request.reference,
    type: request.type,
    status: request.status,
    language: request.language,
    version: request.version,
    subjectMasked: request.minimisedAt ? "***" : maskedAddress(subjectEmail),
    subjectName: request.subjectName,
    details: request.details,
    minimised: request.minimisedAt !== null,
    verification: {
      confirmedAt: request.receivedAt,
      linkedAccount: request.subjectUserId !== null,
      identityRequests: timeline.filter((e) => e.event === "information_requested" && e.details.reason === "identity")
        .length,
    },
    submittedAt: request.submittedAt,
    closedAt: request.closedAt,
    duplicateOf: request.duplicateOf?.reference ?? null,
    assignee: request.assignee,
    deadline,
    timeline,
    thread: request.messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      at: m.createdAt,
      body: m.body,
      author: m.direction === "outbound" && m.author ? staffActor(m.author) : { kind: "subject" },
      attachments: m.attachments.map(attachment),
    })),
    notes: request.notes.map((n) => ({ id: n.id, at: n.createdAt, body: n.body, author: staffActor(n.author) })),
    attachments: request.attachments.map(attachment),
    tasks,
    blockingTasks: tasks
      .filter((t) => t.required && isUnfinished(t.status))
      .map((t) => ({ id: t.id, name: t.connectorName ?? t.title, step: t.step, status: t.status })),
    mails: request.mails.map((m) => ({
      id: m.id,
      template: m.template,
      language: m.language,
      to: m.toAddress.toLowerCase() === subjectEmail ? maskedAddress(m.toAddress) : m.toAddress,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      queuedAt: m.createdAt,
      sentAt: m.sentAt,
      text: m.noticeText ?? (isNotice(m.template) ? "default" : null),
    })),
    commands: commandsFor(viewer.actor.role, request.status),
    assignees: assignees.flatMap((u) => (u.role ? [{ ...u, role: u.role }] : [])),
  };
}

/** A task's stored result's records (FulfilmentTask.result, OperationResult); [] when none or unreadable. */
function recordsOf(result: unknown): RecordTypeResult[] {
  const records = (result as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) return [];
  return records.filter(
    (r): r is RecordTypeResult =>
      typeof r === "object" && r !== null && typeof r.recordType === "string" && typeof r.count === "number",
  );
}
