// `npm run worker` twice at once against one database: every reminder is queued
// and sent once, however the two race (leases and the unique ReminderSent rows).
// And as the server runs it: a queued mail wakes it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createDb, type Db } from "../lib/db/client";
import { enqueueMail } from "../lib/mail/outbox/enqueue-mail";
import { samples } from "../lib/mail/templates/samples";
import { startJobsProcess } from "./server/jobs-process";
import { privateDatabase } from "./test/private-database";
import { verifiedTestRequest } from "./test/requests";

const root = path.resolve(import.meta.dirname, "..");
const DAY = 24 * 60 * 60 * 1000;

function runWorkerOnce(url: string, dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/launch.mjs", "worker", "--once"], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.each(inject("testDatabases").map((d) => d.flavor))("two workers on %s", (flavor) => {
  let db: Db;
  let url = "";
  let drop: () => Promise<void>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-worker-"));

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "workers");
    ({ url, drop } = database);
    db = createDb(url);
    const subject = await db.user.create({ data: { email: "anna@example.org" } });
    await db.user.create({ data: { email: "dpo@demo.example", role: "dpo" } });
    // Receipt one month before (today + 3 days): due in 3 to 7 days (weekends and holidays may add some),
    // so one "before" reminder; one month and ten days ago: overdue; five days ago: nothing yet.
    const monthBefore = (at: number) => {
      const date = new Date(at);
      date.setUTCMonth(date.getUTCMonth() - 1);
      return date;
    };
    const now = Date.now();
    for (const at of [monthBefore(now + 3 * DAY), monthBefore(now - 10 * DAY), new Date(now - 5 * DAY)]) {
      await verifiedTestRequest(db, subject.id, {}, at);
    }
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("every reminder once, every mail sent once", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 2; round++) {
      const [a, b] = await Promise.all([runWorkerOnce(url, dataDir), runWorkerOnce(url, dataDir)]);
      expect(a.code, a.output).toBe(0);
      expect(b.code, b.output).toBe(0);
      expect(`${a.output}${b.output}`).toMatch(/send-reminders: /);
    }
    const reminders = await db.reminderSent.findMany();
    expect(reminders.map((r) => r.kind).sort()).toEqual([expect.stringMatching(/^before_[27]$/), "overdue"].sort());
    const reminderMails = (await db.outboundMail.findMany({ where: { template: "staff_alert" } })).filter(
      (m) => (m.variables as { alert: { kind: string } }).alert.kind !== "new_request",
    );
    expect(reminderMails).toHaveLength(2);
    // No SMTP configured: the demo mailbox received every queued mail exactly once.
    const all = await db.outboundMail.findMany();
    expect(all.every((m) => m.status === "sent" && m.transport === "mailbox" && m.attempts === 1)).toBe(true);
  });
});

describe.each(inject("testDatabases").map((d) => d.flavor))("the server's jobs process on %s", (flavor) => {
  it(
    "a queued mail wakes it: sent at once, though the outbox's poll is an hour away",
    { timeout: 120_000 },
    async () => {
      const { url, drop } = await privateDatabase(flavor, "wake");
      const db = createDb(url);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-wake-"));
      const jobs = startJobsProcess(root, {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        OUTBOX_POLL_SECONDS: "3600",
      });
      try {
        // Its first look at the (empty) outbox is over: the next would be an hour later.
        await vi.waitFor(
          async () =>
            expect((await db.jobLease.findUnique({ where: { name: "deliver-outbox" } }))?.lastRunAt).toBeTruthy(),
          { timeout: 60_000, interval: 200 },
        );
        const id = await db.$transaction((tx) =>
          enqueueMail(
            tx,
            { template: "acknowledgement", variables: samples.acknowledgement, language: "en", to: "anna@example.org" },
            new Date(),
          ),
        );
        jobs.deliverMailSoon();
        await vi.waitFor(
          async () => expect((await db.outboundMail.findUniqueOrThrow({ where: { id } })).status).toBe("sent"),
          { timeout: 30_000, interval: 200 },
        );
      } finally {
        await jobs.stop();
        await db.$disconnect();
        await drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
