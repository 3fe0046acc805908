// The outbox against a real SMTP server that goes away and comes back: nothing is
// lost, nothing is sent twice, and a permanent rejection is recorded, not retried.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { sinkDelivery } from "../../../scripts/test/sink-delivery";
import { SmtpSink } from "../../../scripts/test/smtp-sink";
import { createDb, type Db } from "../../db/client";
import { submitRequest } from "../../requests/submit-request";
import { transitionRequest } from "../../requests/transition-request";
import type { MailDelivery } from "./deliveries";
import { deliverDueMails } from "./deliver-due-mails";
import type { RetryPolicy } from "./retry-policy";

const fastRetry: RetryPolicy = { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 50 };

describe.each(inject("testDatabases").map((d) => d.flavor))("outbox on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  const sink = new SmtpSink();
  let port = 0;
  let staffId = "";
  const delivery = (): MailDelivery => sinkDelivery(port);

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "outbox");
    db = createDb(database.url);
    drop = database.drop;
    staffId = (await db.user.create({ data: { email: "team@demo.example", role: "privacy_team" } })).id;
    port = await sink.start();
  });
  afterAll(async () => {
    await sink.stop();
    await db.$disconnect();
    await drop();
  });

  /** One event that sends exactly one mail: the team records a withdrawal (e.g. by phone). */
  async function withdrawalEvent(i: number): Promise<void> {
    const submitted = await submitRequest(db, {
      type: "access",
      details: { scope: "all", copy: true },
      subjectEmail: `subject-${i}@example.org`,
      language: i % 2 ? "en" : "de",
      statementVersion: "2023-07",
    });
    if (!submitted.ok) throw new Error("submit failed");
    const result = await transitionRequest(
      db,
      {
        requestId: submitted.id,
        actor: { type: "staff", userId: staffId, role: "privacy_team" },
        command: { name: "withdraw", input: {} },
      },
      testRequestSettings,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }

  it("SMTP down, 100 events, SMTP back: exactly 100 mails arrive, none twice", { timeout: 120_000 }, async () => {
    await sink.stop();
    for (let i = 0; i < 100; i++) await withdrawalEvent(i);
    expect(await db.outboundMail.count({ where: { status: "pending" } })).toBe(100);

    // While the server is down every attempt fails and is scheduled again; nothing is lost.
    const down = await deliverDueMails(db, delivery(), { retry: fastRetry, batchSize: 200 });
    expect(down).toEqual({ sent: 0, retrying: 100, failed: 0 });
    expect(sink.messages()).toHaveLength(0);

    await sink.start(port);
    // Two senders at once, as with two app instances: the claims keep them apart.
    const [a, b] = [delivery(), delivery()];
    for (
      let round = 0;
      round < 200 && (await db.outboundMail.count({ where: { status: { not: "sent" } } })) > 0;
      round++
    ) {
      await Promise.all([
        deliverDueMails(db, a, { retry: fastRetry, batchSize: 30 }),
        deliverDueMails(db, b, { retry: fastRetry, batchSize: 30 }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    a.close();
    b.close();

    const received = sink.messages().filter((m) => /^subject-\d+@example\.org$/.test(m.envelope.to[0] ?? ""));
    expect(received).toHaveLength(100);
    const messageIds = new Set(received.map((m) => m.headers["message-id"]));
    expect(messageIds.size).toBe(100);
    const rows = await db.outboundMail.findMany({
      select: { id: true, status: true, attempts: true, transport: true, subject: true },
    });
    // Withdrawn before confirmation, these requests are minimised: once sent, their mails keep no subject or address.
    expect(rows.every((r) => r.status === "sent" && r.transport === "smtp" && r.attempts >= 2 && !r.subject)).toBe(
      true,
    );
    expect([...messageIds].sort()).toEqual(rows.map((r) => `<${r.id}@portal.test>`).sort());
    // German and English mails as the requests asked.
    expect(received.filter((m) => m.subject.startsWith("Anfrage"))).toHaveLength(50);
  });

  it("a permanently rejected recipient fails once with the SMTP error and is never retried", async () => {
    sink.rejectRecipients.add("subject-100@example.org");
    await withdrawalEvent(100);
    const sender = delivery();
    expect(await deliverDueMails(db, sender, { retry: fastRetry })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await db.outboundMail.findFirstOrThrow({ where: { toAddress: "subject-100@example.org" } });
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toMatch(/^550/);
    expect(await deliverDueMails(db, sender, { retry: fastRetry })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    sender.close();
  });

  it("gives up after the last allowed attempt and keeps the last error", async () => {
    await withdrawalEvent(101);
    await sink.stop();
    const sender = delivery();
    const limited = { ...fastRetry, maxAttempts: 2 };
    await deliverDueMails(db, sender, { retry: limited });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = await deliverDueMails(db, sender, { retry: limited });
    expect(second.failed).toBe(1);
    const row = await db.outboundMail.findFirstOrThrow({ where: { toAddress: "subject-101@example.org" } });
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    sender.close();
    await sink.start(port);
  });
});
