// A processor driver's outcome as a change of its fulfilment task (applied by updateTask, the one writer).
// Failures go through the connector retry policy: another attempt after a back-off, or the dead letter that
// waits for a person (never dropped: the controller stays answerable for the request, Art. 12(3), 28(3)(e)).
// Pure: the caller passes the clock and the random source.
import type { DriverOutcome } from "../connectors/driver";
import type { TaskStatus } from "../tasks/task-states";
import type { TaskChange } from "../tasks/update-task";
import { afterFailure, type ConnectorRetryPolicy } from "./retry-policy";

/** The task as read before the change. */
export interface TaskSnapshot {
  id: string;
  version: number;
  status: TaskStatus;
  attempts: number;
  externalStatus: string | null;
  startedAt: Date | null;
}

/** Where the outcome came from: the runner's attempt, a status poll, or the processor's callback. */
export type OutcomeSource = "start" | "poll" | "callback";

export interface ChangeContext {
  now: Date;
  policy: ConnectorRetryPolicy;
  /** Returns a number in [0, 1) for the back-off's jitter, e.g. Math.random. */
  random: () => number;
}

const system = { type: "system" } as const;

/**
 * The TaskChange for `outcome` on `task`. A poll's or callback's `running` with the status already known
 * changes nothing but lastPolledAt (quiet: no audit entry); a poll that could not reach the processor
 * (retryable) leaves the task running with its error noted, since the processor still has the request.
 */
export function outcomeChange(
  task: TaskSnapshot,
  outcome: DriverOutcome,
  source: OutcomeSource,
  context: ChangeContext,
): TaskChange {
  const { now } = context;
  const base = { taskId: task.id, version: task.version, actor: system, now };
  const polled = source === "poll" ? { lastPolledAt: now } : {};
  switch (outcome.state) {
    case "running": {
      const externalStatus = outcome.externalStatus ?? task.externalStatus;
      if (task.status === "running" && externalStatus === task.externalStatus) {
        return { ...base, to: "running", quiet: true, public: false, event: "task_polled", fields: { ...polled } };
      }
      return {
        ...base,
        to: "running",
        event: task.status === "running" ? "task_processor_status" : "task_started",
        public: false,
        details: { source, ...(externalStatus ? { processorStatus: externalStatus } : {}) },
        fields: {
          ...polled,
          ...(outcome.externalId !== undefined ? { externalId: outcome.externalId } : {}),
          externalStatus: externalStatus ?? null,
          startedAt: task.startedAt ?? now,
          nextAttemptAt: null,
          lastError: null,
        },
      };
    }
    case "done":
      return {
        ...base,
        to: "done",
        event: "task_done",
        public: true,
        details: { source, ...(outcome.resultsCount !== undefined ? { resultsCount: outcome.resultsCount } : {}) },
        fields: {
          ...polled,
          result: outcome.result,
          ...(outcome.externalId !== undefined ? { externalId: outcome.externalId, externalStatus: "completed" } : {}),
          ...(outcome.resultsUrl !== undefined ? { resultsUrl: outcome.resultsUrl } : {}),
          ...(outcome.resultsCount !== undefined ? { resultsCount: outcome.resultsCount } : {}),
          startedAt: task.startedAt ?? now,
          completedAt: now,
          nextAttemptAt: null,
          lastError: null,
        },
      };
    case "not_applicable":
      return {
        ...base,
        to: "not_applicable",
        event: "task_not_applicable",
        public: true,
        details: { source, reason: outcome.reason },
        fields: { note: outcome.reason, completedAt: now, nextAttemptAt: null },
      };
    case "failed": {
      if (source === "poll" && outcome.retryable && task.status === "running") {
        return {
          ...base,
          to: "running",
          quiet: true,
          public: false,
          event: "task_polled",
          fields: { lastPolledAt: now, lastError: outcome.error.slice(0, 1000) },
        };
      }
      const next = afterFailure(
        task,
        { retryable: outcome.retryable, message: outcome.error },
        context.policy,
        now,
        context.random,
      );
      if (next.state === "dead_letter") {
        return {
          ...base,
          to: "dead_lettered",
          event: "task_dead_lettered",
          public: false,
          details: { source, attempts: next.attempts, retryable: outcome.retryable },
          fields: { ...polled, attempts: next.attempts, lastError: next.lastError, nextAttemptAt: null },
        };
      }
      if (next.state !== "due") throw new Error("afterFailure answered delivered");
      return {
        ...base,
        to: "failed",
        event: "task_failed",
        public: false,
        details: { source, attempts: next.attempts },
        fields: {
          ...polled,
          attempts: next.attempts,
          lastError: outcome.error.slice(0, 1000),
          nextAttemptAt: next.dueAt,
        },
      };
    }
  }
}
