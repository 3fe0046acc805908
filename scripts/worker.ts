// `npm run worker`: the background jobs on their own, for deployments with several
// app instances (set JOBS_IN_SERVER=false there). `--once` runs each job once and
// exits (for cron and tests). Leases keep it safe next to other workers.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { appConfig } from "../lib/config/app-config";
import { ConfigError } from "../lib/config/env";
import { disconnectDb } from "../lib/db/client";
import { allJobs, jobContextFromConfig, jobsFromConfig } from "../lib/jobs/job-context";
import { runJob } from "../lib/jobs/run-job";
import { deliverOutbox } from "../lib/jobs/jobs/deliver-outbox";
import { startScheduler } from "../lib/jobs/scheduler";
import { DELIVER_OUTBOX_MESSAGE } from "./server/jobs-process";

// A random part: two containers can share a host name and a PID (PID 1).
const holder = `worker:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

async function main(): Promise<void> {
  appConfig();
  const context = jobContextFromConfig();
  if (process.argv.includes("--once")) {
    for (const job of allJobs) {
      const result = await runJob(job, context, holder);
      process.stdout.write(
        `${job.name}: ${result ? JSON.stringify(result) : "skipped (another runner holds the lease)"}\n`,
      );
    }
    context.delivery.close();
    await disconnectDb();
    process.exit(0);
  }
  const scheduler = startScheduler(jobsFromConfig(), context, holder);
  // Spawned by the server (scripts/server/jobs-process.ts): it says when a mail was queued.
  process.on("message", (message) => {
    if (message === DELIVER_OUTBOX_MESSAGE) scheduler.wake(deliverOutbox.name);
  });
  process.stdout.write(`Worker ${holder} running ${allJobs.length} jobs. Stop with Ctrl+C.\n`);
  const stop = () =>
    void scheduler.stop().then(async () => {
      context.delivery.close();
      await disconnectDb();
      process.exit(0);
    });
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `✖ ${error instanceof ConfigError ? error.message : `Worker failed: ${error instanceof Error ? error.message : String(error)}`}\n`,
  );
  process.exit(1);
});
