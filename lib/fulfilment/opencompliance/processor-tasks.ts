// The processor connector's tasks in the database: start, poll and cancel a task through the driver, and
// record what a processor's callback says (GDPR Art. 28(3)(e)). Every status change goes through updateTask
// (the one writer: state machine, version guard, audit entry in the same transaction). The actor is the
// system; no person's authorisation applies: the runner calls start, poll and cancel, and a callback is
// admitted by the processor's signature alone (checked before the body is read, processor-callback.ts).
import "server-only";
import type { Db } from "../../db/client";
import type { RequestType } from "../../requests/request-types";
import type { DriverOutcome, DrivenConnector, DrivenTask } from "../connectors/driver";
import type { SubjectIdentity } from "../connectors/types";
import type { TaskStatus } from "../tasks/task-states";
import { AuditHeadMoved, updateTask, type TaskChange, type TaskChangeResult } from "../tasks/update-task";
import { opencomplianceConfigSchema, type OpencomplianceConfig } from "./connector-config";
import { opencomplianceDriver, type OpencomplianceDriver } from "./driver";
import { DEFAULT_CONNECTOR_RETRY_POLICY, type ConnectorRetryPolicy } from "./retry-policy";
import { outcomeChange, type OutcomeSource, type TaskSnapshot } from "./task-change";

export interface ProcessorTaskOptions {
  driver?: OpencomplianceDriver;
  policy?: ConnectorRetryPolicy;
  now?: () => Date;
  random?: () => number;
}

/** A processor task as read for one step: its snapshot, and the driver's view of it. */
export interface LoadedProcessorTask {
  snapshot: TaskSnapshot;
  task: DrivenTask;
  connector: DrivenConnector<OpencomplianceConfig>;
  subject: SubjectIdentity;
}

export type LoadResult =
  | { ok: true; loaded: LoadedProcessorTask }
  | { ok: false; code: "not_found" }
  /** The connector's configuration does not validate: the task cannot be driven until a person fixes it. */
  | { ok: false; code: "invalid_config"; snapshot: TaskSnapshot; error: string };

/** Reads task `taskId` of an opencompliance connector; not_found for any other task. */
export async function loadProcessorTask(
  db: Db | Parameters<Parameters<Db["$transaction"]>[0]>[0],
  taskId: string,
): Promise<LoadResult> {
  const row = await db.fulfilmentTask.findUnique({
    where: { id: taskId },
    include: {
      connector: true,
      request: {
        select: {
          reference: true,
          type: true,
          details: true,
          subjectEmail: true,
          subjectName: true,
          submittedAt: true,
          dueAt: true,
        },
      },
    },
  });
  if (!row || !row.step || row.connector?.kind !== "opencompliance") return { ok: false, code: "not_found" };
  const snapshot: TaskSnapshot = {
    id: row.id,
    version: row.version,
    status: row.status as TaskStatus,
    attempts: row.attempts,
    externalStatus: row.externalStatus,
    startedAt: row.startedAt,
  };
  const config = opencomplianceConfigSchema.safeParse(row.connector.config);
  if (!config.success) {
    const issue = config.error.issues[0];
    return {
      ok: false,
      code: "invalid_config",
      snapshot,
      error: `connector configuration: ${issue?.path.join(".")} ${issue?.message}`,
    };
  }
  const { connector, request } = row;
  return {
    ok: true,
    loaded: {
      snapshot,
      task: {
        id: row.id,
        requestId: row.requestId,
        reference: request.reference,
        requestType: request.type as RequestType,
        requestDetails: request.details,
        submittedAt: request.submittedAt,
        step: row.step,
        input: row.input,
        externalId: row.externalId,
        attempts: row.attempts,
        dueAt: request.dueAt,
      },
      connector: {
        id: connector.id,
        key: connector.key,
        name: connector.name,
        config: config.data,
        ownerUserId: connector.ownerUserId,
        ownerEmail: connector.ownerEmail,
        ownerName: connector.ownerName,
      },
      subject: { email: request.subjectEmail, name: request.subjectName },
    },
  };
}

/** Applies `change` in its own transaction; an audit chain that moved under it is retried (3 times). */
export async function applyTaskChange(db: Db, change: TaskChange): Promise<TaskChangeResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => updateTask(tx, change));
    } catch (error) {
      if (!(error instanceof AuditHeadMoved) || attempt >= 3) throw error;
    }
  }
}

/** What a step came to: the driver's outcome and how writing it went. */
export type StepResult =
  | { ok: true; outcome: DriverOutcome; change: TaskChangeResult }
  | { ok: false; code: "not_found" | "not_startable" | "not_running" };

function record(
  db: Db,
  snapshot: TaskSnapshot,
  outcome: DriverOutcome,
  source: OutcomeSource,
  options: ProcessorTaskOptions,
): Promise<TaskChangeResult> {
  const change = outcomeChange(snapshot, outcome, source, {
    now: (options.now ?? (() => new Date()))(),
    policy: options.policy ?? DEFAULT_CONNECTOR_RETRY_POLICY,
    random: options.random ?? Math.random,
  });
  return applyTaskChange(db, change);
}

/**
 * One attempt at an open or failed processor task: sends its request (driver.start) and records the outcome
 * (running with the processor's id, not_applicable, or a failure: failed with the next attempt's time, or
 * dead_lettered after the policy's last attempt or at once for a permanent error).
 */
export async function startProcessorTask(
  db: Db,
  taskId: string,
  options: ProcessorTaskOptions = {},
): Promise<StepResult> {
  const loaded = await loadProcessorTask(db, taskId);
  if (!loaded.ok && loaded.code === "not_found") return { ok: false, code: "not_found" };
  const snapshot = loaded.ok ? loaded.loaded.snapshot : loaded.snapshot;
  if (snapshot.status !== "open" && snapshot.status !== "failed") return { ok: false, code: "not_startable" };
  const outcome: DriverOutcome = loaded.ok
    ? await (options.driver ?? opencomplianceDriver).start(
        loaded.loaded.task,
        loaded.loaded.connector,
        loaded.loaded.subject,
      )
    : { state: "failed", error: loaded.error, retryable: false };
  return { ok: true, outcome, change: await record(db, snapshot, outcome, "start", options) };
}

/** Asks the processor for a running task's status (the fallback when callbacks do not come) and records it. */
export async function pollProcessorTask(
  db: Db,
  taskId: string,
  options: ProcessorTaskOptions = {},
): Promise<StepResult> {
  const loaded = await loadProcessorTask(db, taskId);
  if (!loaded.ok && loaded.code === "not_found") return { ok: false, code: "not_found" };
  const snapshot = loaded.ok ? loaded.loaded.snapshot : loaded.snapshot;
  if (snapshot.status !== "running") return { ok: false, code: "not_running" };
  const outcome: DriverOutcome = loaded.ok
    ? await (options.driver ?? opencomplianceDriver).poll(loaded.loaded.task, loaded.loaded.connector)
    : { state: "failed", error: loaded.error, retryable: false };
  return { ok: true, outcome, change: await record(db, snapshot, outcome, "poll", options) };
}

export type CancelResult =
  | { ok: true; change: TaskChangeResult }
  | { ok: false; code: "not_found" | "finished" }
  | { ok: false; code: "refused"; error: string };

/**
 * The subject withdrew: tells the processor (DELETE, section 9) and marks the task cancelled. A task never
 * sent is cancelled at once. When the processor refuses (it cancels only pending requests) or cannot be
 * reached, the task stays as it is with the error noted, for the runner or a person to decide.
 */
export async function cancelProcessorTask(
  db: Db,
  taskId: string,
  options: ProcessorTaskOptions = {},
): Promise<CancelResult> {
  const loaded = await loadProcessorTask(db, taskId);
  if (!loaded.ok) {
    // A broken configuration cannot reach the processor: a person must fix it (or tell the processor).
    return loaded.code === "not_found" ? loaded : { ok: false, code: "refused", error: loaded.error };
  }
  const { snapshot, task, connector } = loaded.loaded;
  if (snapshot.status === "done" || snapshot.status === "not_applicable" || snapshot.status === "cancelled") {
    return { ok: false, code: "finished" };
  }
  const now = (options.now ?? (() => new Date()))();
  try {
    await (options.driver ?? opencomplianceDriver).cancel(task, connector);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await applyTaskChange(db, {
      taskId,
      version: snapshot.version,
      to: snapshot.status,
      quiet: true,
      actor: { type: "system" },
      event: "task_cancel_refused",
      public: false,
      now,
      fields: { lastError: message },
    });
    return { ok: false, code: "refused", error: message };
  }
  const change = await applyTaskChange(db, {
    taskId,
    version: snapshot.version,
    to: "cancelled",
    actor: { type: "system" },
    event: "task_cancelled",
    public: true,
    now,
    details: { told: task.externalId !== null },
    fields: {
      ...(task.externalId !== null ? { externalStatus: "cancelled" } : {}),
      completedAt: now,
      nextAttemptAt: null,
    },
  });
  return { ok: true, change };
}
