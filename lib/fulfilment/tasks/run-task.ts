// One attempt at one fulfilment task: claim it, hand it to its connector's runtime (synchronous: the
// operation now; asynchronous: the driver's start or poll), and record what came of it through updateTask
// (the one writer of a task's status). A failure is retried with back-off and dead-lettered after the last
// attempt (lib/fulfilment/opencompliance/retry-policy.ts): a task is never lost, and a person can retry it
// from the case file. Nothing here knows a connector kind: the runtimes come in by injection
// (RuntimeFactories), so each kind's module stays its own.
import type { Db } from "../../db/client";
import type { Actor } from "../../requests/workflow/actor";
import { parseConnectorConfig, type ConnectorKind, type ValidConfig } from "../connectors/config";
import type { ConnectorRuntime, DrivenConnector, DrivenTask, DriverOutcome } from "../connectors/driver";
import type { OperationResult, SubjectIdentity, SynchronousConnector } from "../connectors/types";
import {
  afterFailure,
  DEFAULT_CONNECTOR_RETRY_POLICY,
  type ConnectorRetryPolicy,
} from "../opencompliance/retry-policy";
import { DIRECT_MARKETING, type RectifyInput, type StopProcessingInput } from "./plan-tasks";
import type { TaskStatus } from "./task-states";
import { AuditHeadMoved, updateTask, type TaskFields } from "./update-task";

/** Builds the runtime for one connector row whose config is already valid for its kind. */
export type RuntimeFactory = (connector: DrivenConnector<ValidConfig["config"]>) => ConnectorRuntime;
export type RuntimeFactories = Partial<Record<ConnectorKind, RuntimeFactory>>;

export interface TaskRunnerSettings {
  /** Per connector kind; a kind without a factory is not run here (its tasks wait, never lost). */
  factories: RuntimeFactories;
  retry: ConnectorRetryPolicy;
  /** One operation, start or poll, in milliseconds; longer counts as a retryable failure. */
  operationTimeoutMs: number;
  /** A running asynchronous task is polled when nothing was heard of it for this long (ms). */
  pollAfterMs: number;
  /** How long a claimed task is left alone (ms): a run that crashed leaves it due again afterwards. */
  claimMs: number;
  /** For the back-off's jitter: a number in [0, 1). */
  random: () => number;
}

export const DEFAULT_TASK_RUNNER_SETTINGS: Omit<TaskRunnerSettings, "factories"> = {
  retry: DEFAULT_CONNECTOR_RETRY_POLICY,
  operationTimeoutMs: 60_000,
  pollAfterMs: 15 * 60_000,
  claimMs: 10 * 60_000,
  random: Math.random,
};

export type RunOutcome = TaskStatus | "skipped";

const runner: Actor = { type: "system" };

/** The row with what an attempt needs: its connector and the subject's verified identity. */
async function loadTask(db: Db, taskId: string) {
  return db.fulfilmentTask.findUnique({
    where: { id: taskId },
    include: {
      connector: true,
      request: {
        select: {
          reference: true,
          type: true,
          details: true,
          submittedAt: true,
          status: true,
          subjectEmail: true,
          subjectName: true,
          dueAt: true,
        },
      },
    },
  });
}
type LoadedTask = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

/** Whether `task` is due for an attempt at `now` (open, or failed and its back-off over). */
export function isDue(task: { status: string; nextAttemptAt: Date | null }, now: Date): boolean {
  if (task.status === "open") return task.nextAttemptAt === null || task.nextAttemptAt <= now;
  return task.status === "failed" && task.nextAttemptAt !== null && task.nextAttemptAt <= now;
}

/**
 * Runs one attempt of `taskId` at `now`: a due open or failed task is started (or, for a synchronous
 * connector, carried out); a running one due for a poll is polled (`mode: "poll"`). Returns the task's
 * status afterwards, or "skipped" when it was not due, was claimed by someone else, its request is not in
 * progress, or its kind has no runtime here. Throws only on a database fault.
 */
export async function runTask(
  db: Db,
  taskId: string,
  settings: TaskRunnerSettings,
  now: Date,
  mode: "attempt" | "poll" = "attempt",
): Promise<RunOutcome> {
  const task = await loadTask(db, taskId);
  if (!task?.connector || !task.step || !task.connector.enabled) return "skipped";
  if (task.request.status !== "in_progress") return "skipped";
  const factory = settings.factories[task.connector.kind];
  if (!factory) return "skipped";
  if (mode === "attempt" && !isDue(task, now)) return "skipped";
  if (mode === "poll" && (task.status !== "running" || !pollDue(task, settings, now))) return "skipped";

  // The claim: a quiet change of the time fields alone, guarded by the version, so that two runners never
  // both act on one task; if this process dies now, the task is due again after claimMs.
  const claimFields: TaskFields =
    mode === "poll" ? { lastPolledAt: now } : { nextAttemptAt: new Date(now.getTime() + settings.claimMs) };
  const claim = await db.$transaction((tx) =>
    updateTask(tx, {
      taskId,
      version: task.version,
      to: task.status as TaskStatus,
      fields: claimFields,
      actor: runner,
      event: "task_claimed",
      public: false,
      now,
      quiet: true,
    }),
  );
  if (!claim.ok) return "skipped";
  const claimed = { ...task, version: claim.version };

  const config = parseConnectorConfig(task.connector.kind, task.connector.config);
  if (!config.ok) {
    return record(db, claimed, settings, now, {
      state: "failed",
      error: `connector settings invalid: ${config.issues.join("; ")}`,
      retryable: false,
    });
  }
  const driven = drivenConnector(task.connector, config.value);
  let outcome: DriverOutcome;
  try {
    const runtime = factory(driven);
    outcome = await withTimeout(attempt(runtime, claimed, driven, mode), settings.operationTimeoutMs);
  } catch (error) {
    outcome = { state: "failed", error: errorText(error), retryable: true };
  }
  return record(db, claimed, settings, now, outcome);
}

function pollDue(task: LoadedTask, settings: TaskRunnerSettings, now: Date): boolean {
  const heard = task.lastPolledAt ?? task.startedAt ?? task.updatedAt;
  return now.getTime() - heard.getTime() >= settings.pollAfterMs;
}

function drivenConnector(
  connector: NonNullable<LoadedTask["connector"]>,
  config: ValidConfig,
): DrivenConnector<ValidConfig["config"]> {
  return {
    id: connector.id,
    key: connector.key,
    name: connector.name,
    config: config.config,
    ownerUserId: connector.ownerUserId,
    ownerEmail: connector.ownerEmail,
    ownerName: connector.ownerName,
  };
}

function drivenTask(task: LoadedTask): DrivenTask {
  return {
    id: task.id,
    requestId: task.requestId,
    reference: task.request.reference,
    requestType: task.request.type,
    requestDetails: task.request.details,
    submittedAt: task.request.submittedAt,
    step: task.step!,
    input: task.input,
    externalId: task.externalId,
    attempts: task.attempts,
    dueAt: task.request.dueAt,
  };
}

async function attempt(
  runtime: ConnectorRuntime,
  task: LoadedTask,
  connector: DrivenConnector<ValidConfig["config"]>,
  mode: "attempt" | "poll",
): Promise<DriverOutcome> {
  const subject: SubjectIdentity = { email: task.request.subjectEmail, name: task.request.subjectName };
  if (runtime.mode === "asynchronous") {
    if (mode === "attempt") return runtime.driver.start(drivenTask(task), connector, subject);
    // A kind that never polls (a manual owner reports through the task): still running.
    if (!runtime.driver.poll) return { state: "running", externalStatus: task.externalStatus ?? undefined };
    return runtime.driver.poll(drivenTask(task), connector);
  }
  // A synchronous task is never left running, so a poll has nothing to ask it.
  if (mode === "poll") return { state: "running" };
  return { state: "done", result: await synchronousStep(runtime.connector, task, subject) };
}

/** The connector operation for the task's step, with the input fixed at planning. */
async function synchronousStep(
  connector: SynchronousConnector,
  task: LoadedTask,
  subject: SubjectIdentity,
): Promise<OperationResult> {
  switch (task.step!) {
    case "export":
      // The export job reads the records themselves; the task records what is there (counts per type).
      return connector.find(subject);
    case "erase":
      return connector.erase(subject);
    case "restrict":
      return connector.restrict(subject);
    case "lift_restriction":
      return connector.liftRestriction(subject);
    case "rectify": {
      const input = task.input as RectifyInput | null;
      return connector.rectify(subject, input?.corrections ?? [], input?.supplementaryStatement ?? null);
    }
    case "stop_processing": {
      const input = task.input as StopProcessingInput | null;
      const ids = input?.registerEntryIds.length ? input.registerEntryIds : [DIRECT_MARKETING];
      const results: OperationResult[] = [];
      for (const registerEntryId of ids) {
        results.push(await connector.stopProcessing(subject, { registerEntryId, kind: input?.kind ?? "objection" }));
      }
      return { found: results.some((r) => r.found), records: results.flatMap((r) => r.records) };
    }
  }
}

/** Writes what the attempt came to, through updateTask, on the claimed version. */
async function record(
  db: Db,
  task: LoadedTask,
  settings: TaskRunnerSettings,
  now: Date,
  outcome: DriverOutcome,
): Promise<RunOutcome> {
  const from = task.status as TaskStatus;
  let to: TaskStatus;
  let event: string;
  let fields: TaskFields;
  let details: Record<string, unknown> = {};
  let quiet = false;
  switch (outcome.state) {
    case "done": {
      const records = outcome.result.records.reduce((sum, r) => sum + r.count, 0);
      to = "done";
      event = "task_done";
      fields = {
        result: outcome.result as unknown as object,
        attempts: task.attempts + (from === "running" ? 0 : 1),
        nextAttemptAt: null,
        lastError: null,
        progressDone: records,
        progressTotal: records,
        completedAt: now,
        startedAt: task.startedAt ?? now,
        ...(outcome.externalId ? { externalId: outcome.externalId } : {}),
        ...(outcome.resultsUrl ? { resultsUrl: outcome.resultsUrl } : {}),
        ...(outcome.resultsCount !== undefined ? { resultsCount: outcome.resultsCount } : {}),
      };
      details = { records };
      break;
    }
    case "running": {
      to = "running";
      const changed = from !== "running" || (outcome.externalStatus ?? null) !== (task.externalStatus ?? null);
      quiet = !changed;
      event = from === "running" ? "task_progress" : "task_started";
      fields = {
        lastPolledAt: now,
        nextAttemptAt: null,
        ...(from === "running" ? {} : { attempts: task.attempts + 1, startedAt: task.startedAt ?? now }),
        ...(outcome.externalId ? { externalId: outcome.externalId } : {}),
        ...(outcome.externalStatus ? { externalStatus: outcome.externalStatus } : {}),
      };
      details = outcome.externalStatus ? { externalStatus: outcome.externalStatus } : {};
      break;
    }
    case "not_applicable":
      to = "not_applicable";
      event = "task_not_applicable";
      fields = { note: outcome.reason.slice(0, 1000), nextAttemptAt: null, completedAt: now };
      details = { why: outcome.reason.slice(0, 200) };
      break;
    case "failed": {
      const next = afterFailure(
        { attempts: task.attempts },
        { retryable: outcome.retryable, message: outcome.error },
        settings.retry,
        now,
        settings.random,
      );
      if (next.state === "due") {
        to = "failed";
        event = "task_failed";
        fields = { attempts: next.attempts, nextAttemptAt: next.dueAt, lastError: outcome.error.slice(0, 1000) };
      } else {
        to = "dead_lettered";
        event = "task_dead_lettered";
        fields = { attempts: next.attempts, nextAttemptAt: null, lastError: outcome.error.slice(0, 1000) };
      }
      details = { attempts: fields.attempts, retryable: outcome.retryable };
      break;
    }
  }
  const change = {
    taskId: task.id,
    version: task.version,
    to,
    fields,
    actor: runner,
    event,
    details,
    public: false,
    now,
    quiet,
  };
  // Tasks of one request run side by side and append to the same audit chain: a write that met another's
  // append rolled back whole, so it is simply tried again (the task's version has not moved).
  for (let tries = 1; ; tries++) {
    try {
      const written = await db.$transaction((tx) => updateTask(tx, change));
      return written.ok ? to : "skipped";
    } catch (error) {
      const raced = error instanceof AuditHeadMoved || (error as { code?: string }).code === "P2002";
      if (!raced || tries >= 5) throw error;
    }
  }
}

class OperationTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** `promise`, or a rejection with OperationTimeout after `ms` (the operation itself is idempotent, so a late finish is harmless). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OperationTimeout(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
