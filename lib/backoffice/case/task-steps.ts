// A person's two steps on a fulfilment task from the case file: retry a failed or dead-lettered task now
// (with a fresh count of attempts), or mark an unfinished task not applicable with a note saying why (the
// note is the record that the system was considered, Art. 5(2)). Both through updateTask, audited on the
// request's chain; only for roles holding "task.act" (dpo, privacy team); others learn nothing.
import "server-only";
import type { Db } from "../../db/client";
import type { TaskStatus } from "../../fulfilment/tasks/task-states";
import { AuditHeadMoved, updateTask, type TaskChange } from "../../fulfilment/tasks/update-task";
import { isClosed, type RequestStatus } from "../../requests/workflow/states";
import { may } from "../access/capabilities";
import type { CaseViewer } from "./load-case-file";

export type TaskStepResult =
  { ok: true } | { ok: false; code: "not_found" | "conflict" | "not_possible_now" | "note_required" | "note_too_long" };

/** Longest note a person may give for "not applicable" (characters). */
export const TASK_NOTE_MAX = 2_000;

interface TaskTarget {
  reference: string;
  taskId: string;
  /** The task's version the form was rendered with. */
  version: number;
}

/** Retries a failed or dead-lettered task of `reference`: open, due now, attempts from 0. */
export async function retryTask(db: Db, viewer: CaseViewer, target: TaskTarget, now = new Date()) {
  return step(db, viewer, target, now, (status) =>
    status === "failed" || status === "dead_lettered"
      ? {
          to: "open",
          event: "task_retried",
          // As retryFromDeadLetter (lib/fulfilment/opencompliance/retry-policy.ts): due now, a fresh count.
          fields: { attempts: 0, nextAttemptAt: now, lastError: null },
          details: {},
        }
      : null,
  );
}

/** Marks an unfinished task of `reference` not applicable; `note` (required) says why. */
export async function markTaskNotApplicable(
  db: Db,
  viewer: CaseViewer,
  target: TaskTarget & { note: string },
  now = new Date(),
): Promise<TaskStepResult> {
  const note = target.note.trim();
  if (!note) return { ok: false, code: "note_required" };
  if (note.length > TASK_NOTE_MAX) return { ok: false, code: "note_too_long" };
  return step(db, viewer, target, now, (status) =>
    ["open", "running", "failed", "dead_lettered"].includes(status)
      ? {
          to: "not_applicable",
          event: "task_marked_not_applicable",
          fields: { note, nextAttemptAt: null, completedAt: now },
          details: { note },
        }
      : null,
  );
}

async function step(
  db: Db,
  viewer: CaseViewer,
  target: TaskTarget,
  now: Date,
  decide: (status: TaskStatus) => Pick<TaskChange, "to" | "event" | "fields" | "details"> | null,
): Promise<TaskStepResult> {
  if (!may(viewer.actor.role, "task.act")) return { ok: false, code: "not_found" };
  const task = await db.fulfilmentTask.findFirst({
    where: { id: target.taskId, request: { reference: target.reference } },
    select: { status: true, version: true, request: { select: { status: true } } },
  });
  if (!task) return { ok: false, code: "not_found" };
  if (task.version !== target.version) return { ok: false, code: "conflict" };
  const change = decide(task.status as TaskStatus);
  if (!change || isClosed(task.request.status as RequestStatus)) return { ok: false, code: "not_possible_now" };
  try {
    const written = await db.$transaction((tx) =>
      updateTask(tx, {
        taskId: target.taskId,
        version: target.version,
        actor: viewer.actor,
        public: false,
        now,
        ...change,
      }),
    );
    if (written.ok) return { ok: true };
    return { ok: false, code: written.code === "not_allowed" ? "not_possible_now" : written.code };
  } catch (error) {
    if (error instanceof AuditHeadMoved || (error as { code?: string }).code === "P2002") {
      return { ok: false, code: "conflict" };
    }
    throw error;
  }
}
