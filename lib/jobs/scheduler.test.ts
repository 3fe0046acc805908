// The scheduler's wake-up against a real database (its runs take leases there).
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { privateDatabase } from "../../scripts/test/private-database";
import { testJobContext } from "../../scripts/test/job-context";
import { createDb, type Db } from "../db/client";
import { onMailQueued, signalMailQueued } from "../mail/outbox/mail-queued-signal";
import type { Job, JobContext } from "./job";
import { startScheduler } from "./scheduler";

const HOUR = 60 * 60 * 1000;

describe.each(inject("testDatabases").map((d) => d.flavor))("scheduler on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let context: JobContext;

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "scheduler");
    db = createDb(database.url);
    drop = database.drop;
    context = testJobContext(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  /** A job that pauses an hour between runs and records when each run started. */
  function hourlyJob(name: string, hold?: () => Promise<void>): Job & { starts: number[] } {
    const starts: number[] = [];
    return {
      name,
      everyMs: HOUR,
      starts,
      async run() {
        starts.push(Date.now());
        await hold?.();
        return { ran: 1 };
      },
    };
  }

  it("runs each job at once, and a woken job again long before its pause ends", async () => {
    const job = hourlyJob(`woken-${flavor}`);
    const other = hourlyJob(`untouched-${flavor}`);
    const scheduler = startScheduler([job, other], context, "test");
    try {
      await vi.waitFor(() => expect(job.starts).toHaveLength(1), { timeout: 10_000 });
      scheduler.wake(job.name);
      scheduler.wake("no-such-job"); // ignored
      await vi.waitFor(() => expect(job.starts).toHaveLength(2), { timeout: 10_000 });
      expect(other.starts).toHaveLength(1);
    } finally {
      await scheduler.stop();
    }
  });

  it("a wake during a run gives one more run after it; a burst of wakes gives one, not many", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const job = hourlyJob(`burst-${flavor}`, async () => {
      if (first) {
        first = false;
        await held;
      }
    });
    const scheduler = startScheduler([job], context, "test");
    try {
      await vi.waitFor(() => expect(job.starts).toHaveLength(1), { timeout: 10_000 });
      for (let i = 0; i < 20; i++) scheduler.wake(job.name);
      release();
      await vi.waitFor(() => expect(job.starts).toHaveLength(2), { timeout: 10_000 });
      // The burst was one wake: no third run follows (it would come within WAKE_MIN_GAP_MS + WAKE_DELAY_MS).
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(job.starts).toHaveLength(2);
    } finally {
      await scheduler.stop();
    }
  });
});

describe("mail-queued signal", () => {
  it("reaches every listener until it stops listening", () => {
    const heard: string[] = [];
    const stopA = onMailQueued(() => heard.push("a"));
    const stopB = onMailQueued(() => heard.push("b"));
    signalMailQueued();
    stopA();
    signalMailQueued();
    stopB();
    signalMailQueued();
    expect(heard).toEqual(["a", "b", "b"]);
  });
});
