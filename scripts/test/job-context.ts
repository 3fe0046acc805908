// The jobs' context as the tests give it: the test request settings, the demo mailbox for delivery,
// and the reminder/retention settings of the defaults (lib/config/env.ts).
import type { Db } from "../../lib/db/client";
import { DEFAULT_TASK_RUNNER_SETTINGS } from "../../lib/fulfilment/tasks/run-task";
import type { JobContext } from "../../lib/jobs/job";
import { mailboxDelivery } from "../../lib/mail/outbox/deliveries";
import { DEFAULT_RETRY_POLICY } from "../../lib/mail/outbox/retry-policy";
import { testRequestSettings } from "./request-settings";

/** A job context on `db` whose clock is `clock` (the real one unless given). */
export function testJobContext(db: Db, clock: () => Date = () => new Date()): JobContext {
  return {
    db,
    clock,
    settings: testRequestSettings,
    delivery: mailboxDelivery,
    retry: DEFAULT_RETRY_POLICY,
    reminderDays: [7, 2],
    retentionYears: 3,
    auditClientRetentionDays: 30,
    fulfilment: { ...DEFAULT_TASK_RUNNER_SETTINGS, factories: {} },
  };
}
