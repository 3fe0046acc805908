// Runs one job under its lease and logs what it did. Idempotent by construction:
// every job only acts on rows that still need it, so a repeated run does nothing.
import { logger } from "../log/logger";
import { scrubText } from "../log/mask";
import type { Job, JobContext, JobResult } from "./job";
import { acquireLease, releaseLease } from "./lease";

/** A lease outlives any sane run; if a runner dies, the next one waits at most this long. */
const LEASE_MS = 5 * 60 * 1000;

export async function runJob(job: Job, context: JobContext, holder: string): Promise<JobResult | null> {
  const { db, clock } = context;
  if (!(await acquireLease(db, job.name, holder, LEASE_MS, clock()))) return null;
  const started = Date.now();
  try {
    const result = await job.run(context);
    const worked = Object.values(result).some((n) => n > 0);
    logger[worked ? "info" : "debug"]({ job: job.name, ...result, ms: Date.now() - started }, `job ${job.name} ran`);
    await releaseLease(db, job.name, holder, JSON.stringify(result), clock());
    return result;
  } catch (error) {
    logger.error({ job: job.name, err: error }, `job ${job.name} failed`);
    // Error texts can quote data (a Prisma error quotes values): stored scrubbed, like the log line.
    const message = scrubText(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error));
    await releaseLease(db, job.name, holder, `error: ${message}`, clock());
    throw error;
  }
}
