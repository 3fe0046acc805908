// The task runner's round: plan what is missing, then run the due tasks a few at a time and poll the
// running asynchronous ones nobody heard of lately. Each task is its own attempt: one connector that
// fails, hangs (the runner's timeout) or throws never stops the others (issue 14). Used by the job
// lib/jobs/jobs/run-fulfilment-tasks.ts.
import type { Db } from "../../db/client";
import type { ConnectorKind } from "../connectors/config";
import { planRequestTasks } from "./persist-plan";
import { runTask, type RunOutcome, type TaskRunnerSettings } from "./run-task";

export interface RunReport {
  planned: number;
  done: number;
  running: number;
  not_applicable: number;
  failed: number;
  dead_lettered: number;
  skipped: number;
  /** Tasks whose attempt threw (a database fault): left as they were, due again after the claim. */
  errors: number;
}

/** Tasks claimed and run together per batch; batches follow each other until none is due or `maxBatches`. */
const BATCH = 4;

/**
 * One round at `now`. Requests in progress without any task get their plan first (the safety net of
 * ./persist-plan.ts; rectification waits for its approved corrections and is left out). Returns counts.
 */
export async function runDueTasks(
  db: Db,
  settings: TaskRunnerSettings,
  now: Date,
  maxBatches = 10,
): Promise<RunReport> {
  const report: RunReport = {
    planned: 0,
    done: 0,
    running: 0,
    not_applicable: 0,
    failed: 0,
    dead_lettered: 0,
    skipped: 0,
    errors: 0,
  };
  report.planned = await planMissing(db, now);
  const kinds = Object.keys(settings.factories) as ConnectorKind[];
  if (kinds.length === 0) return report;
  const seen = new Set<string>();
  const count = (outcome: PromiseSettledResult<RunOutcome>) => {
    if (outcome.status === "rejected") report.errors++;
    else if (outcome.value !== "open" && outcome.value !== "cancelled") report[outcome.value]++;
  };
  for (let batch = 0; batch < maxBatches; batch++) {
    const due = await db.fulfilmentTask.findMany({
      where: {
        id: { notIn: [...seen] },
        connector: { enabled: true, kind: { in: kinds } },
        request: { status: "in_progress" },
        OR: [
          { status: "open", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
          { status: "failed", nextAttemptAt: { lte: now } },
        ],
      },
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
      take: BATCH,
      select: { id: true },
    });
    if (due.length === 0) break;
    due.forEach((t) => seen.add(t.id));
    (await Promise.allSettled(due.map((t) => runTask(db, t.id, settings, now)))).forEach(count);
  }
  const quietSince = new Date(now.getTime() - settings.pollAfterMs);
  const stale = await db.fulfilmentTask.findMany({
    where: {
      status: "running",
      connector: { enabled: true, kind: { in: kinds } },
      request: { status: "in_progress" },
      OR: [{ lastPolledAt: { lte: quietSince } }, { lastPolledAt: null, updatedAt: { lte: quietSince } }],
    },
    orderBy: { lastPolledAt: "asc" },
    take: BATCH * maxBatches,
    select: { id: true },
  });
  for (let i = 0; i < stale.length; i += BATCH) {
    const slice = stale.slice(i, i + BATCH);
    (await Promise.allSettled(slice.map((t) => runTask(db, t.id, settings, now, "poll")))).forEach(count);
  }
  return report;
}

/** Plans the requests in progress that were never planned (no task, no "fulfilment_planned"; at most 20 a round). */
async function planMissing(db: Db, now: Date): Promise<number> {
  if ((await db.connector.count({ where: { enabled: true } })) === 0) return 0;
  const requests = await db.request.findMany({
    where: {
      status: "in_progress",
      type: { not: "rectification" },
      tasks: { none: {} },
      auditEntries: { none: { event: "fulfilment_planned" } },
    },
    orderBy: { submittedAt: "asc" },
    take: 20,
    select: { id: true },
  });
  let planned = 0;
  for (const request of requests) {
    const outcome = await planRequestTasks(db, request.id, { type: "system" }, now);
    if (outcome.ok) planned += outcome.created;
  }
  return planned;
}
