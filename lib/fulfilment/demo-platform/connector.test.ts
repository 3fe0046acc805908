// The demo platform connector against real SQLite and (with TEST_POSTGRES_URL) real PostgreSQL: every
// operation, run twice, checked row by row in the database.
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import type { CategorisedSource, SynchronousConnector } from "../connectors/types";
import { createDemoPlatformConnector, DIRECT_MARKETING, RectificationError, recordTypeTable } from ".";
import { makeSubject, THIRD_PARTY } from "./test-support";

const key = randomBytes(32);
let tick = Date.UTC(2026, 10, 1, 9, 0);
const clock = () => new Date((tick += 60_000));

async function collect(source: CategorisedSource): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

describe.each(inject("testDatabases"))("demo platform connector on $flavor", ({ url, flavor }) => {
  let db: Db;
  let connector: SynchronousConnector;
  const tag = `${flavor}-${Date.now()}`;
  const email = (name: string) => `${name}-${tag}@demo.example`;

  beforeAll(() => {
    db = createDb(url);
    connector = createDemoPlatformConnector(db, { keyedHashKey: key, clock });
  });
  afterAll(() => db.$disconnect());

  it("refuses a keyed-hash key shorter than 32 bytes", () => {
    expect(() => createDemoPlatformConnector(db, { keyedHashKey: Buffer.alloc(16) })).toThrow(/32 bytes/);
  });

  it("find counts the subject's records per type with their categories, and finds nobody for an unknown address", async () => {
    await makeSubject(db, email("find"), `C-find-${tag}`, 5);
    const result = await connector.find({ email: ` ${email("find").toUpperCase()} ` });
    expect(result.found).toBe(true);
    expect(Object.fromEntries(result.records.map((r) => [r.recordType, [r.action, r.count]]))).toEqual({
      user: ["found", 1],
      devices: ["found", 2],
      usage_events: ["found", 5],
      alert_events: ["found", 3],
      notification_logs: ["found", 3],
      support_tickets: ["found", 1],
      support_messages: ["found", 3],
      consents: ["found", 1],
      marketing_preferences: ["found", 1],
      processing_objections: ["none", 0],
      invoices: ["found", 2],
    });
    expect(result.records.find((r) => r.recordType === "usage_events")?.categories).toEqual([
      "access-records",
      "ip-address",
    ]);
    const nobody = await connector.find({ email: email("nobody") });
    expect(nobody.found).toBe(false);
    expect(nobody.records.every((r) => r.action === "none" && r.count === 0)).toBe(true);
  });

  it("exportSources streams every record in id order, as in the database, with every string redacted", async () => {
    const address = email("export");
    const userId = await makeSubject(db, address, `C-export-${tag}`);
    const calls: string[] = [];
    const sources = await connector.exportSources(
      { email: address },
      {
        redact: (recordType, recordId, field, value) => {
          calls.push(`${recordType}/${recordId}/${field}`);
          return value.replaceAll(THIRD_PARTY, "[redacted]");
        },
      },
    );
    expect(sources.map((s) => [s.recordType, s.total])).toEqual([
      ["user", 1],
      ["devices", 2],
      ["usage_events", 2345],
      ["alert_events", 3],
      ["notification_logs", 3],
      ["support_tickets", 1],
      ["support_messages", 3],
      ["consents", 1],
      ["marketing_preferences", 1],
      ["invoices", 2],
    ]);
    // Nothing is read before the export job iterates.
    expect(calls).toEqual([]);
    const rowsOf = new Map<string, Record<string, unknown>[]>();
    for (const source of sources) {
      const info = recordTypeTable[source.recordType as keyof typeof recordTypeTable];
      expect(source).toMatchObject({ system: "demo-platform", providedBySubject: info.providedBySubject });
      expect(source.categories).toEqual(info.categories);
      expect(source.registerEntries).toEqual(info.registerEntries);
      const rows = await collect(source);
      rowsOf.set(source.recordType, rows);
      expect(rows).toHaveLength(source.total!);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual([...source.columns!].sort());
    }

    const usage = rowsOf.get("usage_events");
    const stored = await db.demoUsageEvent.findMany({ where: { userId }, orderBy: { id: "asc" } });
    expect(usage).toEqual(stored.map(({ userId: _u, ...row }) => row));
    expect(calls.filter((c) => c.startsWith("usage_events/")).length).toBe(2345 * 2); // action and ipAddress

    // Keyset order is by id; the thread's order is the export reader's business, so compare as a set.
    const messages = rowsOf.get("support_messages")!;
    expect(messages.map((m) => [m.authorRole, m.authorName, m.body]).sort()).toEqual(
      [
        ["customer", "Anna Schmidt", "No SMS since my new phone."],
        ["third_party", "[redacted]", "I removed her old device."],
        ["customer", "Anna Schmidt", "[redacted] was right, thanks."],
      ].sort(),
    );
    expect(JSON.stringify(messages)).not.toContain(THIRD_PARTY);
    const user = rowsOf.get("user");
    expect(user).toEqual([expect.objectContaining({ id: userId, email: address, customerId: `C-export-${tag}` })]);
    expect(calls).toContain(`user/${userId}/name`);
  });

  it("erase deletes, anonymises with a keyed hash and keeps with the exemption, row by row; a second run erases nothing", async () => {
    const address = email("erase");
    const other = email("erase-other");
    const userId = await makeSubject(db, address, `C-erase-${tag}`, 20_500); // three erase batches
    const otherId = await makeSubject(db, other, `C-erase-other-${tag}`, 10);
    const logIds = (await db.demoNotificationLog.findMany({ where: { userId }, orderBy: { id: "asc" } })).map(
      (l) => l.id,
    );
    const logsBefore = await db.demoNotificationLog.findMany({ where: { id: { in: logIds } }, orderBy: { id: "asc" } });
    const invoicesBefore = await db.demoInvoice.findMany({ where: { billingEmail: address }, orderBy: { id: "asc" } });
    const ticketIds = (await db.demoSupportTicket.findMany({ where: { userId } })).map((t) => t.id);

    const first = await connector.erase({ email: address });
    expect(first.found).toBe(true);
    const by = Object.fromEntries(first.records.map((r) => [r.recordType, r]));
    expect(Object.fromEntries(first.records.map((r) => [r.recordType, [r.action, r.count]]))).toEqual({
      user: ["deleted", 1],
      devices: ["deleted", 2],
      usage_events: ["deleted", 20_500],
      alert_events: ["deleted", 3],
      notification_logs: ["anonymised", 3],
      support_tickets: ["deleted", 1],
      support_messages: ["deleted", 3],
      consents: ["deleted", 1],
      marketing_preferences: ["deleted", 1],
      processing_objections: ["none", 0],
      invoices: ["kept", 2],
    });
    expect(by.usage_events).toMatchObject({ fields: { "*": "delete_row" } });
    expect(by.usage_events!.exemption).toBeUndefined();
    expect(by.notification_logs).toMatchObject({
      fields: { subjectKey: "keyed_hash", userId: "null", phoneNumber: "null" },
      exemption: { article: "17(3)(b)", law: expect.stringContaining("§ 147 AO") },
    });
    expect(by.invoices).toMatchObject({
      exemption: { article: "17(3)(b)", law: expect.stringContaining("§ 257 HGB") },
    });
    expect(by.invoices!.exemption!.explanation.de).toMatch(/zehn Jahre/);

    // Deleted: nothing of the subject left outside the kept tables.
    expect(await db.demoUser.findUnique({ where: { id: userId } })).toBeNull();
    expect(await db.demoUser.findUnique({ where: { email: address } })).toBeNull();
    for (const count of [
      db.demoDevice.count({ where: { userId } }),
      db.demoUsageEvent.count({ where: { userId } }),
      db.demoAlertEvent.count({ where: { userId } }),
      db.demoConsent.count({ where: { userId } }),
      db.demoMarketingPreference.count({ where: { userId } }),
      db.demoProcessingObjection.count({ where: { userId } }),
      db.demoSupportTicket.count({ where: { id: { in: ticketIds } } }),
      db.demoSupportMessage.count({ where: { ticketId: { in: ticketIds } } }),
    ]) {
      expect(await count).toBe(0);
    }
    // Anonymised: the same billed messages, without the person; the key links them to a user id only for the key holder.
    const subjectKey = createHmac("sha256", key).update(userId).digest("hex");
    const logsAfter = await db.demoNotificationLog.findMany({ where: { id: { in: logIds } }, orderBy: { id: "asc" } });
    expect(logsAfter).toEqual(logsBefore.map((log) => ({ ...log, userId: null, phoneNumber: null, subjectKey })));
    // Kept: the invoices exactly as they were.
    expect(await db.demoInvoice.findMany({ where: { billingEmail: address }, orderBy: { id: "asc" } })).toEqual(
      invoicesBefore,
    );
    // Someone else's records untouched.
    expect(await db.demoUsageEvent.count({ where: { userId: otherId } })).toBe(10);
    expect(await db.demoNotificationLog.count({ where: { userId: otherId, phoneNumber: { not: null } } })).toBe(3);

    const second = await connector.erase({ email: address });
    expect(second.found).toBe(true);
    expect(second.records.filter((r) => r.action !== "none").map((r) => [r.recordType, r.action, r.count])).toEqual([
      ["invoices", "kept", 2],
    ]);
    expect(second.records.find((r) => r.recordType === "invoices")?.exemption).toEqual(by.invoices!.exemption);
    expect(await db.demoNotificationLog.findMany({ where: { id: { in: logIds } }, orderBy: { id: "asc" } })).toEqual(
      logsAfter,
    );
    expect(
      (await connector.find({ email: address })).records.filter((r) => r.count > 0).map((r) => r.recordType),
    ).toEqual(["invoices"]);
  });

  it("restrict sets the flag once (the first time stays), liftRestriction clears it, each idempotent", async () => {
    const address = email("restrict");
    const userId = await makeSubject(db, address, `C-restrict-${tag}`, 4);
    const restricted = await connector.restrict({ email: address });
    expect(restricted.found).toBe(true);
    expect(restricted.records.find((r) => r.recordType === "usage_events")).toMatchObject({
      action: "restricted",
      count: 4,
    });
    expect(restricted.records.map((r) => r.recordType)).not.toContain("invoices");
    const since = (await db.demoUser.findUniqueOrThrow({ where: { id: userId } })).restrictedAt;
    expect(since).toBeInstanceOf(Date);
    await connector.restrict({ email: address });
    expect((await db.demoUser.findUniqueOrThrow({ where: { id: userId } })).restrictedAt).toEqual(since);

    const lifted = await connector.liftRestriction({ email: address });
    expect(lifted.records.find((r) => r.recordType === "user")).toMatchObject({
      action: "restriction_lifted",
      count: 1,
    });
    expect((await db.demoUser.findUniqueOrThrow({ where: { id: userId } })).restrictedAt).toBeNull();
    await connector.liftRestriction({ email: address });
    expect((await db.demoUser.findUniqueOrThrow({ where: { id: userId } })).restrictedAt).toBeNull();
    expect(await connector.restrict({ email: email("nobody") })).toEqual({ found: false, records: [] });
  });

  it("rectify applies the corrections with before and after, stores the statement, and changes nothing twice", async () => {
    const address = email("rectify");
    const userId = await makeSubject(db, address, `C-rectify-${tag}`, 1);
    const corrections = [
      { field: "user.name", value: "Anna Meier" },
      { field: "user.timeZone", value: "Europe/Vienna" },
      { field: "user.phone", value: "+49 30 23125 101" },
    ];
    const first = await connector.rectify({ email: address }, corrections, "Mein Name ist seit der Heirat Meier.");
    expect(first.records).toEqual([expect.objectContaining({ recordType: "user", action: "rectified", count: 1 })]);
    expect(first.changes).toEqual([
      { recordType: "user", recordId: userId, field: "user.name", before: "Anna Schmidt", after: "Anna Meier" },
      { recordType: "user", recordId: userId, field: "user.timeZone", before: "Europe/Berlin", after: "Europe/Vienna" },
    ]);
    expect(await db.demoUser.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      name: "Anna Meier",
      timeZone: "Europe/Vienna",
      phone: "+49 30 23125 101",
      supplementaryStatement: "Mein Name ist seit der Heirat Meier.",
    });
    const second = await connector.rectify({ email: address }, corrections, null);
    expect(second.changes).toEqual([]);
    expect((await db.demoUser.findUniqueOrThrow({ where: { id: userId } })).supplementaryStatement).toBe(
      "Mein Name ist seit der Heirat Meier.",
    );
  });

  it("rectify refuses an unknown field or a bad value with a typed error and changes nothing", async () => {
    const address = email("rectify-bad");
    const userId = await makeSubject(db, address, `C-rectify-bad-${tag}`, 1);
    const before = await db.demoUser.findUniqueOrThrow({ where: { id: userId } });
    await expect(
      connector.rectify(
        { email: address },
        [
          { field: "user.name", value: "Anna Meier" },
          { field: "user.email", value: "other@demo.example" },
        ],
        "statement",
      ),
    ).rejects.toSatisfy((error) => error instanceof RectificationError && error.code === "unknown_field");
    await expect(
      connector.rectify({ email: address }, [{ field: "user.timeZone", value: "Mars/Olympus" }]),
    ).rejects.toMatchObject({ code: "invalid_value", field: "user.timeZone" });
    expect(await db.demoUser.findUniqueOrThrow({ where: { id: userId } })).toEqual(before);
  });

  it("a withdrawn consent is marked withdrawn and kept (Art. 7(1)); the first withdrawal time stays", async () => {
    const address = email("consent");
    const userId = await makeSubject(db, address, `C-consent-${tag}`, 1);
    const result = await connector.stopProcessing(
      { email: address },
      { registerEntryId: "app-permissions", kind: "consent_withdrawal" },
    );
    expect(result.records).toEqual([
      expect.objectContaining({ recordType: "consents", action: "processing_stopped", count: 1 }),
    ]);
    const consent = await db.demoConsent.findUniqueOrThrow({
      where: { userId_purpose: { userId, purpose: "app-permissions" } },
    });
    expect(consent.withdrawnAt).toBeInstanceOf(Date);
    await connector.stopProcessing(
      { email: address },
      { registerEntryId: "app-permissions", kind: "consent_withdrawal" },
    );
    expect((await db.demoConsent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnAt).toEqual(
      consent.withdrawnAt,
    );
    // Marketing untouched by a consent for something else.
    expect(await db.demoMarketingPreference.findUniqueOrThrow({ where: { userId } })).toMatchObject({
      newsletter: true,
    });
    // Withdrawing consent to direct marketing stops it too, though no consent record names it.
    const marketing = await connector.stopProcessing(
      { email: address },
      { registerEntryId: DIRECT_MARKETING, kind: "consent_withdrawal" },
    );
    expect(marketing.records.map((r) => [r.recordType, r.action, r.count])).toEqual([
      ["consents", "none", 0],
      ["marketing_preferences", "processing_stopped", 1],
    ]);
    expect(await db.demoMarketingPreference.findUniqueOrThrow({ where: { userId } })).toMatchObject({
      newsletter: false,
      productNews: false,
    });
  });

  it("an objection is recorded once; an objection to direct marketing also switches every preference off (21(3))", async () => {
    const address = email("object");
    const userId = await makeSubject(db, address, `C-object-${tag}`, 1);
    const appUse = await connector.stopProcessing(
      { email: address },
      { registerEntryId: "app-use", kind: "objection" },
    );
    expect(appUse.records.map((r) => [r.recordType, r.action, r.count])).toEqual([
      ["processing_objections", "processing_stopped", 1],
    ]);
    expect(await db.demoMarketingPreference.findUniqueOrThrow({ where: { userId } })).toMatchObject({
      newsletter: true,
    });

    const marketing = await connector.stopProcessing(
      { email: address },
      { registerEntryId: DIRECT_MARKETING, kind: "objection" },
    );
    expect(marketing.records.map((r) => [r.recordType, r.action, r.count])).toEqual([
      ["processing_objections", "processing_stopped", 1],
      ["marketing_preferences", "processing_stopped", 1],
    ]);
    await connector.stopProcessing({ email: address }, { registerEntryId: DIRECT_MARKETING, kind: "objection" });
    const objections = await db.demoProcessingObjection.findMany({ where: { userId }, orderBy: { processing: "asc" } });
    expect(objections.map((o) => o.processing)).toEqual(["app-use", DIRECT_MARKETING]);
    expect(await db.demoMarketingPreference.findUniqueOrThrow({ where: { userId } })).toMatchObject({
      newsletter: false,
      productNews: false,
    });
    expect(
      await connector.stopProcessing({ email: email("nobody") }, { registerEntryId: "app-use", kind: "objection" }),
    ).toEqual({ found: false, records: [] });
  });
});
