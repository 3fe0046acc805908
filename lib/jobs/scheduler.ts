// Runs every job again and again, each after its own pause, until stopped. Used
// inside the web server (single machine) and by `npm run worker` (several app
// instances); the leases make both safe together.
import { logger } from "../log/logger";
import type { Job, JobContext } from "./job";
import { runJob } from "./run-job";

/** How long a woken job waits: the signal comes from inside a transaction that still has to commit. */
export const WAKE_DELAY_MS = 150;
/** The least pause between the end of a woken job's run and its next one, so a burst of signals costs one run a second. */
export const WAKE_MIN_GAP_MS = 1_000;

export interface Scheduler {
  /**
   * Runs the named job soon (after WAKE_DELAY_MS, and at least WAKE_MIN_GAP_MS after its last run ended)
   * instead of at the end of its pause; if it is running, once more after this run. Unknown names are ignored.
   */
  wake(jobName: string): void;
  stop(): Promise<void>;
}

interface JobState {
  job: Job;
  timer?: NodeJS.Timeout;
  /** When the timer fires (ms since the epoch). */
  due: number;
  running?: Promise<unknown>;
  /** A wake arrived while the job ran. */
  again: boolean;
  lastEnded: number;
}

export function startScheduler(jobs: Job[], context: JobContext, holder: string): Scheduler {
  let stopped = false;
  const states = new Map<string, JobState>(jobs.map((job) => [job.name, { job, again: false, lastEnded: 0, due: 0 }]));

  const schedule = (state: JobState, delayMs: number) => {
    clearTimeout(state.timer);
    state.due = Date.now() + delayMs;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      loop(state);
    }, delayMs);
  };

  const soon = (state: JobState) => Math.max(WAKE_DELAY_MS, state.lastEnded + WAKE_MIN_GAP_MS - Date.now());

  const loop = (state: JobState) => {
    if (stopped) return;
    const run = runJob(state.job, context, holder)
      .catch(() => undefined) // logged by runJob; the next run tries again
      .finally(() => {
        state.running = undefined;
        state.lastEnded = Date.now();
        if (stopped) return;
        const again = state.again;
        state.again = false;
        schedule(state, again ? soon(state) : state.job.everyMs);
      });
    state.running = run;
  };
  for (const state of states.values()) loop(state);
  logger.info({ jobs: jobs.map((j) => j.name), holder }, "job scheduler started");

  return {
    wake(jobName) {
      const state = states.get(jobName);
      if (!state || stopped) return;
      if (state.running) state.again = true;
      else if (!state.timer || state.due > Date.now() + soon(state)) schedule(state, soon(state));
    },
    async stop() {
      stopped = true;
      for (const state of states.values()) clearTimeout(state.timer);
      await Promise.allSettled([...states.values()].map((s) => s.running));
    },
  };
}
