import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_SEEDED_KEY, demoAccounts, demoSubjects, seedDemoData } from "../../prisma/seed";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { createDb, type Db } from "./client";

const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

describe.each(inject("testDatabases"))("database on $flavor", ({ url, flavor }) => {
  const database = createDb(url);
  clients.push(database);

  it("talks to the engine that DATABASE_URL names", async () => {
    const rows = await database.$queryRawUnsafe<Array<{ version: string }>>(
      flavor === "sqlite" ? "SELECT sqlite_version() AS version" : "SELECT version() AS version",
    );
    expect(rows[0]?.version).toMatch(flavor === "sqlite" ? /^3\./ : /^PostgreSQL/);
  });

  it("round-trips a user with an enum role and enforces the unique email", async () => {
    const email = `staff-${flavor}-${Date.now()}@demo.example`;
    const created = await database.user.create({ data: { email, role: "privacy_team" } });
    expect(await database.user.findUnique({ where: { email } })).toMatchObject({
      id: created.id,
      role: "privacy_team",
      locale: "de",
    });
    await expect(database.user.create({ data: { email } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("seeds the demo data once, even when asked twice at the same time", async () => {
    const results = await Promise.allSettled([
      seedDemoData(database, testRequestSettings),
      seedDemoData(database, testRequestSettings),
    ]);
    expect(results.some((r) => r.status === "fulfilled" && r.value)).toBe(true);
    expect(await seedDemoData(database, testRequestSettings)).toBe(false);
    const emails = demoAccounts.map((a) => a.email);
    expect(await database.user.count({ where: { email: { in: emails } } })).toBe(demoAccounts.length);
    expect(await database.appMeta.count({ where: { key: DEMO_SEEDED_KEY } })).toBe(1);
    // The demo requests went through the real workflow: statuses, deadlines and mails are genuine.
    const requests = await database.request.findMany({
      where: { subjectEmail: { in: demoSubjects.map((s) => s.email) } },
      orderBy: { submittedAt: "asc" },
      include: { mails: true },
    });
    expect(requests.map((r) => [r.type, r.status, r.extendedAt !== null])).toEqual([
      ["erasure", "in_progress", true],
      ["access", "in_progress", false],
      ["access", "awaiting_subject", false],
      ["portability", "in_progress", false],
      ["objection", "completed", false],
    ]);
    expect(requests.every((r) => r.dueDate && r.mails.some((m) => m.template === "acknowledgement"))).toBe(true);
    // The demo platform holds their product data for fulfilment (lib/fulfilment/demo-platform).
    expect(await database.demoUser.count({ where: { email: { in: demoSubjects.map((s) => s.email) } } })).toBe(
      demoSubjects.length,
    );
  });
});
