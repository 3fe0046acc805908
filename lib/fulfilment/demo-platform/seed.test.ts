// The demo platform's seed on a database of its own per engine (the shared test database gets the demo
// subjects from prisma/seed.ts's own test).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { demoSubjects } from "../../../prisma/demo-people";
import { createDb, type Db } from "../../db/client";
import { seedDemoPlatform } from "./seed";

describe.each(inject("testDatabases"))("seedDemoPlatform on $flavor", ({ flavor }) => {
  let db: Db;
  let drop: () => Promise<void>;
  const now = new Date("2026-11-20T10:00:00Z");

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "demo_platform_seed");
    drop = database.drop;
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("seeds every demo subject with product data once", async () => {
    expect(await seedDemoPlatform(db, now)).toBe(true);
    expect(await seedDemoPlatform(db, now)).toBe(false);
    expect(await db.demoAccount.findMany({ select: { name: true }, orderBy: { name: "asc" } })).toEqual([
      { name: "Muster Logistik GmbH" },
      { name: "Nordwind Energie AG" },
    ]);
    for (const subject of demoSubjects) {
      const user = await db.demoUser.findUniqueOrThrow({
        where: { email: subject.email },
        include: { devices: true, consents: true, marketingPreference: true, notificationLogs: true },
      });
      expect(user.name).toBe(subject.name);
      expect(user.devices.length).toBeGreaterThan(0);
      expect(user.consents.length).toBeGreaterThan(0);
      expect(user.marketingPreference).not.toBeNull();
      expect(user.notificationLogs.every((log) => log.phoneNumber === user.phone)).toBe(true);
      expect(await db.demoUsageEvent.count({ where: { userId: user.id, ipAddress: { not: null } } })).toBeGreaterThan(
        0,
      );
      expect(await db.demoAlertEvent.count({ where: { userId: user.id } })).toBeGreaterThan(0);
    }
    const events = (await db.demoUsageEvent.count()) + (await db.demoAlertEvent.count());
    expect(events).toBeGreaterThanOrEqual(200);
    expect(await db.demoInvoice.count({ where: { billingEmail: "anna.schmidt@demo.example" } })).toBeGreaterThan(0);
  });

  it("gives Anna Schmidt a support thread in which a third party writes and is named in another message", async () => {
    const messages = await db.demoSupportMessage.findMany({
      where: { ticket: { user: { email: "anna.schmidt@demo.example" } } },
      orderBy: { createdAt: "asc" },
    });
    const third = messages.filter((m) => m.authorRole === "third_party");
    expect(third.map((m) => m.authorName)).toEqual(["Tobias Klein"]);
    expect(messages.some((m) => m.authorRole !== "third_party" && m.body.includes("Tobias Klein"))).toBe(true);
  });
});
