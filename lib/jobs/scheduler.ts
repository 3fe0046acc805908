// Runs every job again and again, each after its own pause, until stopped. Used
// inside the web server (single machine) and by `npm run worker` (several app
// instances); the leases make both safe together.
import { logger } from "../log/logger";
import type { Job, JobContext } from "./job";
import { runJob } from "./run-job";

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(jobs: Job[], context: JobContext, holder: string): Scheduler {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();

  const loop = (job: Job) => {
    if (stopped) return;
    const run = runJob(job, context, holder)
      .catch(() => undefined) // logged by runJob; the next run tries again
      .finally(() => {
        running.delete(run);
        if (stopped) return;
        const timer = setTimeout(() => {
          timers.delete(timer);
          loop(job);
        }, job.everyMs);
        timers.add(timer);
      });
    running.add(run);
  };
  for (const job of jobs) loop(job);
  logger.info({ jobs: jobs.map((j) => j.name), holder }, "job scheduler started");

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
