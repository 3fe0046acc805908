// The background jobs against a real database of their own.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testJobContext } from "../../scripts/test/job-context";
import { privateDatabase } from "../../scripts/test/private-database";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { submitTestRequest, verifiedTestRequest } from "../../scripts/test/requests";
import { verifyAuditChains } from "../audit/verify-audit-chains";
import { createDb, type Db } from "../db/client";
import { transitionRequest } from "../requests/transition-request";
import type { JobContext } from "./job";
import { applyRetention } from "./jobs/apply-retention";
import { deliverOutbox } from "./jobs/deliver-outbox";
import { expireUnverified } from "./jobs/expire-unverified";
import { sendReminders } from "./jobs/send-reminders";
import { acquireLease, releaseLease } from "./lease";

describe.each(inject("testDatabases").map((d) => d.flavor))("jobs on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let subjectUserId = "";
  let dpoId = "";
  const context = (now: Date): JobContext => testJobContext(db, () => now);

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "jobs");
    db = createDb(database.url);
    drop = database.drop;
    subjectUserId = (await db.user.create({ data: { email: "anna@example.org" } })).id;
    dpoId = (await db.user.create({ data: { email: "dpo@demo.example", role: "dpo", locale: "en" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  async function verifiedRequest(receivedAt: Date): Promise<string> {
    const input = {
      type: "erasure",
      details: { scope: "all" },
      subjectEmail: "Anna@Example.org",
      subjectName: "Anna Schmidt",
    } as const;
    return (
      await verifiedTestRequest(db, subjectUserId, input, receivedAt, { ip: "203.0.113.9", userAgent: "Firefox" })
    ).id;
  }

  it("one lease holder at a time; an expired lease can be taken over", async () => {
    const t = new Date("2026-11-20T10:00:00Z");
    const results = await Promise.all(["a", "b", "c"].map((holder) => acquireLease(db, "test-job", holder, 60_000, t)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const later = new Date(t.getTime() + 61_000);
    expect(await acquireLease(db, "test-job", "d", 60_000, later)).toBe(true);
    await releaseLease(db, "test-job", "d", "{}", later);
    expect(await acquireLease(db, "test-job", "e", 60_000, later)).toBe(true);
  });

  it("reminds the DPO 7 and 2 days before the due date and daily while overdue, each once", async () => {
    const id = await verifiedRequest(new Date("2026-11-02T09:00:00Z")); // due 2026-12-02
    const run = async (at: string) => (await sendReminders.run(context(new Date(at)))).queued;
    expect(await run("2026-11-20T08:00:00Z")).toBe(0); // 12 days left
    expect(await run("2026-11-25T08:00:00Z")).toBe(1); // 7 days left
    expect(await run("2026-11-25T18:00:00Z")).toBe(0); // same reminder, not again
    expect(await run("2026-11-27T08:00:00Z")).toBe(0); // 5 days left: between the thresholds
    expect(await run("2026-11-30T08:00:00Z")).toBe(1); // 2 days left
    expect(await run("2026-12-02T20:00:00Z")).toBe(0); // the due day itself is still in time
    expect(await run("2026-12-03T08:00:00Z")).toBe(1); // overdue
    expect(await run("2026-12-03T15:00:00Z")).toBe(0); // once a day
    expect(await run("2026-12-04T08:00:00Z")).toBe(1);
    const mails = await db.outboundMail.findMany({
      where: { requestId: id, template: "staff_alert" },
      orderBy: { createdAt: "asc" },
    });
    const alerts = mails.map((m) => (m.variables as { alert: { kind: string } }).alert.kind);
    expect(alerts).toEqual(["new_request", "due_soon", "due_soon", "overdue", "overdue"]);
    expect(mails.every((m) => m.toAddress === "dpo@demo.example" && m.language === "en")).toBe(true);
  });

  it("expires requests nobody confirmed, and only those", async () => {
    const unconfirmed = { details: { scope: "all", copy: false }, language: "en" } as const;
    const stale = await submitTestRequest(
      db,
      { ...unconfirmed, subjectEmail: "x@example.org" },
      new Date("2026-11-01T00:00:00Z"),
    );
    const fresh = await submitTestRequest(
      db,
      { ...unconfirmed, subjectEmail: "y@example.org" },
      new Date("2026-11-19T00:00:00Z"),
    );
    const result = await expireUnverified.run(context(new Date("2026-11-20T00:00:00Z")));
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect((await db.request.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("expired_unverified");
    expect((await db.request.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("awaiting_verification");
    expect((await expireUnverified.run(context(new Date("2026-11-20T00:00:00Z")))).expired).toBe(0);
  });

  it("delivers the outbox to the demo mailbox when no SMTP server is configured", async () => {
    const result = await deliverOutbox.run(context(new Date("2026-12-10T00:00:00Z")));
    expect(result.sent).toBeGreaterThan(0);
    const ack = await db.outboundMail.findFirstOrThrow({ where: { template: "acknowledgement" } });
    expect(ack).toMatchObject({ status: "sent", transport: "mailbox" });
    expect(ack.text).toContain("Art. 12 Abs. 3 DSGVO");
  });

  it("retention: three years after closing only what proves the handling is left", async () => {
    const old = await verifiedRequest(new Date("2022-01-10T09:00:00Z"));
    const dpo = { type: "staff", userId: dpoId, role: "dpo" } as const;
    const ask = {
      name: "request_information",
      input: { reason: "identity", message: "Your customer number, please." },
    } as const;
    await transitionRequest(
      db,
      { requestId: old, actor: dpo, command: ask },
      testRequestSettings,
      new Date("2022-01-11T09:00:00Z"),
    );
    await transitionRequest(
      db,
      { requestId: old, actor: dpo, command: { name: "resume", input: {} } },
      testRequestSettings,
      new Date("2022-01-12T09:00:00Z"),
    );
    await db.internalNote.create({ data: { requestId: old, authorId: dpoId, body: "Called Anna Schmidt." } });
    await db.fulfilmentTask.create({
      data: { requestId: old, title: "Erase CRM", status: "done", note: "Anna Schmidt's record, id 4711" },
    });
    await db.outboundMail.updateMany({
      where: { requestId: old },
      data: { lastError: "550 <anna@example.org> rejected" },
    });
    await transitionRequest(
      db,
      { requestId: old, actor: dpo, command: { name: "complete", input: { summary: "All data of Anna erased." } } },
      testRequestSettings,
      new Date("2022-01-20T09:00:00Z"),
    );
    const recent = await verifiedRequest(new Date("2026-01-10T09:00:00Z"));
    await transitionRequest(
      db,
      {
        requestId: recent,
        actor: dpo,
        command: {
          name: "refuse",
          input: {
            refusal: {
              grounds: ["excessive"],
              reasons: "Fifth identical request this month.",
              complaintRight: { authority: "LDI NRW" },
              judicialRemedy: true,
            },
          },
        },
      },
      testRequestSettings,
      new Date("2026-01-12T09:00:00Z"),
    );

    const result = await applyRetention.run(context(new Date("2026-11-20T00:00:00Z")));
    expect(result).toMatchObject({ minimised: 1, pending: 0, files: 0 });
    const kept = await db.request.findUniqueOrThrow({
      where: { id: old },
      include: { messages: true, notes: true, mails: true, tasks: true, auditEntries: { orderBy: { seq: "asc" } } },
    });
    expect(kept).toMatchObject({
      status: "completed",
      type: "erasure",
      subjectName: null,
      details: {},
      dueDate: "2022-02-10",
    });
    expect(kept.minimisedAt).not.toBeNull();
    expect(kept.subjectEmail).toMatch(/^minimised:/);
    expect(kept.notes).toEqual([]);
    expect(kept.messages.every((m) => m.body === "")).toBe(true);
    expect(kept.mails.every((m) => m.text === null && m.toAddress.startsWith("minimised:"))).toBe(true);
    expect(kept.auditEntries.map((e) => e.event)).toEqual([
      "submitted",
      "verified",
      "information_requested",
      "resumed",
      "completed",
      "minimised",
    ]);
    expect(kept.auditEntries.every((e) => e.ip === null && e.userAgent === null)).toBe(true);
    const everything = JSON.stringify(kept);
    for (const personal of [
      "anna@example.org",
      "Anna Schmidt",
      "customer number",
      "203.0.113.9",
      "All data of Anna",
      "4711",
    ]) {
      expect(everything).not.toContain(personal);
    }
    const texts = await db.auditText.findMany({ where: { requestId: old } });
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.text === null)).toBe(true);
    // The accountability record itself still proves it was not altered.
    const verify = { clientRetentionDays: 30, now: new Date("2026-11-20T00:00:00Z") };
    expect((await verifyAuditChains(db, verify)).broken).toBeNull();
    expect((await db.request.findUniqueOrThrow({ where: { id: recent } })).minimisedAt).toBeNull();
    expect(await applyRetention.run(context(new Date("2026-11-20T00:00:00Z")))).toEqual({
      minimised: 0,
      pending: 0,
      files: 0,
      clientDataErased: 0,
    });
  });

  it("retention: audit entries older than AUDIT_CLIENT_RETENTION_DAYS lose IP address and user agent, newer ones keep them", async () => {
    const now = new Date("2027-03-01T12:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    const older = await verifiedRequest(new Date(now.getTime() - 31 * day));
    const newer = await verifiedRequest(new Date(now.getTime() - 29 * day));
    const clientData = async (requestId: string) =>
      (await db.auditEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } })).map((e) => [e.ip, e.userAgent]);
    expect(await clientData(older)).toEqual([
      [null, null], // submitted: the test helper gives no client
      ["203.0.113.9", "Firefox"],
    ]);

    const result = await applyRetention.run(context(now));
    expect(result.clientDataErased).toBeGreaterThanOrEqual(1);
    expect(await clientData(older)).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(await clientData(newer)).toEqual([
      [null, null],
      ["203.0.113.9", "Firefox"],
    ]);
    // Neither request was minimised: the erasure is by age alone, and the chains still verify.
    expect((await db.request.findUniqueOrThrow({ where: { id: older } })).minimisedAt).toBeNull();
    const verify = { clientRetentionDays: 30, now };
    expect((await verifyAuditChains(db, verify)).broken).toBeNull();
    expect((await applyRetention.run(context(now))).clientDataErased).toBe(0);

    // Erased any sooner on a request that was not minimised: still reported.
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: newer, ip: { not: null } } });
    await db.auditEntry.update({ where: { id: entry.id }, data: { ip: null, userAgent: null } });
    expect((await verifyAuditChains(db, verify)).broken).toMatchObject({
      chain: newer,
      entryId: entry.id,
      reason: expect.stringMatching(/erased, but the request was never minimised and the entry is recent/),
    });
    // Put back as it was, the chain holds again.
    await db.auditEntry.update({ where: { id: entry.id }, data: { ip: "203.0.113.9", userAgent: "Firefox" } });
    expect((await verifyAuditChains(db, verify)).broken).toBeNull();
  });
});
