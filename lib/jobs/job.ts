import type { Db } from "../db/client";
import type { TaskRunnerSettings } from "../fulfilment/tasks/run-task";
import type { MailDelivery } from "../mail/outbox/deliveries";
import type { RetryPolicy } from "../mail/outbox/retry-policy";
import type { RequestSettings } from "../requests/request-settings";

/** What every job may use. Built once per process (lib/jobs/job-context.ts). */
export interface JobContext {
  db: Db;
  clock: () => Date;
  settings: RequestSettings;
  delivery: MailDelivery;
  retry: RetryPolicy;
  /** Days before the due date on which staff are reminded, e.g. [7, 2]. */
  reminderDays: number[];
  /** Closed requests are minimised this many years after they closed. */
  retentionYears: number;
  /** Audit entries lose their IP address and user agent this many days after they were written. */
  auditClientRetentionDays: number;
  /** The fulfilment task runner: runtimes per connector kind, retries, timeouts (lib/fulfilment/tasks/run-task.ts). */
  fulfilment: TaskRunnerSettings;
}

/** A job run reports what it did as counts, for the log. */
export type JobResult = Record<string, number>;

export interface Job {
  name: string;
  /** Pause between two runs of this job in one process. */
  everyMs: number;
  run(context: JobContext): Promise<JobResult>;
}
