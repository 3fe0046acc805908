import { runDueTasks } from "../../fulfilment/tasks/run-due-tasks";
import type { Job } from "../job";

/**
 * Carries out the fulfilment tasks that are due (lib/fulfilment/tasks/run-due-tasks.ts): plans requests in
 * progress that have none, runs open and retry-due tasks a few at a time through their connector's
 * runtime, and polls running asynchronous ones. The runtimes per connector kind come from the context.
 */
export const runFulfilmentTasks: Job = {
  name: "run-fulfilment-tasks",
  everyMs: 15_000,
  async run({ db, clock, fulfilment }) {
    const report = await runDueTasks(db, fulfilment, clock());
    return { ...report };
  },
};
