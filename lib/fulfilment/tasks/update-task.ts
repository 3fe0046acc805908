// The one writer of a fulfilment task's status (and of its progress and result). Every change is checked
// against the task's state machine, guarded by the task's version (runners, processor callbacks and people
// never overwrite each other), and recorded on the request's audit chain in the same transaction (Art. 5(2)).
import type { Tx } from "../../db/tx";
import type { Actor } from "../../requests/workflow/actor";
import { appendRequestChainEntry } from "./request-chain";
import type { TaskStatus } from "./task-states";

export { AuditHeadMoved } from "./request-chain";

/** Which status may follow which. A finished task (done, not_applicable, cancelled) never changes again. */
export const taskTransitions: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  open: ["open", "running", "done", "not_applicable", "failed", "dead_lettered", "cancelled"],
  running: ["running", "done", "not_applicable", "failed", "dead_lettered", "cancelled"],
  failed: ["open", "running", "done", "not_applicable", "failed", "dead_lettered", "cancelled"],
  dead_lettered: ["open", "not_applicable", "cancelled"],
  done: [],
  not_applicable: [],
  cancelled: [],
};

/** Fields a task change may set beside its status (FulfilmentTask columns). */
export interface TaskFields {
  /** JSON; a task's result or input is replaced, never cleared. */
  result?: object;
  input?: object;
  attempts?: number;
  nextAttemptAt?: Date | null;
  lastError?: string | null;
  progressDone?: number;
  progressTotal?: number | null;
  externalId?: string | null;
  externalStatus?: string | null;
  resultsUrl?: string | null;
  resultsCount?: number | null;
  lastPolledAt?: Date | null;
  uploadStorageKey?: string | null;
  uploadFileName?: string | null;
  uploadSha256?: string | null;
  uploadSize?: number | null;
  assigneeId?: string | null;
  note?: string | null;
  startedAt?: Date | null;
  completedAt?: Date | null;
}

export interface TaskChange {
  taskId: string;
  /** The version the caller read; the change applies only if nobody changed the task since. */
  version: number;
  to: TaskStatus;
  fields?: TaskFields;
  actor: Actor;
  /** Audit event name, e.g. "task_started", "task_done", "task_failed", "task_dead_lettered", "task_retried". */
  event: string;
  /** Audit details (free text in them is stored as AuditText, erasable by the retention job). */
  details?: Record<string, unknown>;
  /** Whether the data subject sees the event on their case page. */
  public: boolean;
  now: Date;
  /** Record no audit entry: only for progress ticks (same status, progress fields only). */
  quiet?: boolean;
}

export type TaskChangeResult =
  { ok: true; version: number } | { ok: false; code: "not_found" | "conflict" | "not_allowed"; from?: TaskStatus };

/**
 * Applies `change` inside `tx`: checks the transition (taskTransitions), writes the task with version + 1
 * only if its version is still `change.version`, and appends the audit entry on the request's chain.
 * Returns not_found, conflict (someone else changed the task first: nothing written) or not_allowed (the
 * state machine forbids it: nothing written). Throws AuditHeadMoved when another writer appended to the
 * request's chain at the same moment (roll back and retry).
 */
export async function updateTask(tx: Tx, change: TaskChange): Promise<TaskChangeResult> {
  const task = await tx.fulfilmentTask.findUnique({
    where: { id: change.taskId },
    select: {
      status: true,
      version: true,
      step: true,
      system: true,
      request: { select: { id: true, auditHeadSeq: true, auditHeadHash: true } },
    },
  });
  if (!task) return { ok: false, code: "not_found" };
  const from = task.status as TaskStatus;
  if (task.version !== change.version) return { ok: false, code: "conflict", from };
  if (!taskTransitions[from].includes(change.to)) return { ok: false, code: "not_allowed", from };
  if (change.quiet && change.to !== from) return { ok: false, code: "not_allowed", from };

  const written = await tx.fulfilmentTask.updateMany({
    where: { id: change.taskId, version: change.version },
    // The unchecked input (assigneeId as a column) is the one these flat fields belong to.
    data: {
      ...change.fields,
      status: change.to,
      version: change.version + 1,
      updatedAt: change.now,
    } as Parameters<Tx["fulfilmentTask"]["updateMany"]>[0]["data"],
  });
  if (written.count !== 1) return { ok: false, code: "conflict", from };
  if (change.quiet) return { ok: true, version: change.version + 1 };

  await appendRequestChainEntry(tx, {
    request: task.request,
    actor: change.actor,
    event: change.event,
    details: { task: change.taskId, step: task.step, system: task.system, from, to: change.to, ...change.details },
    public: change.public,
    now: change.now,
  });
  return { ok: true, version: change.version + 1 };
}
