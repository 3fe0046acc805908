// The benchmark generator on real SQLite and (with TEST_POSTGRES_URL) real PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { generateUsageEvents } from "./generate-usage-events";

describe.each(inject("testDatabases"))("generateUsageEvents on $flavor", ({ url, flavor }) => {
  let db: Db;
  const email = `bench-${flavor}-${Date.now()}@demo.example`;
  const now = new Date("2026-11-01T12:00:00Z");

  beforeAll(() => {
    db = createDb(url);
  });
  afterAll(() => db.$disconnect());

  it("creates the missing user and inserts N events across statement and transaction chunks, oldest first", async () => {
    const result = await generateUsageEvents(db, { email: ` ${email.toUpperCase()}`, count: 26_003, now });
    expect(result).toMatchObject({ createdUser: true, inserted: 26_003 });
    const user = await db.demoUser.findUniqueOrThrow({ where: { email } });
    expect(user.id).toBe(result.userId);
    expect(await db.demoUsageEvent.count({ where: { userId: user.id } })).toBe(26_003);
    const [first, last] = await Promise.all([
      db.demoUsageEvent.findFirstOrThrow({ where: { userId: user.id }, orderBy: { id: "asc" } }),
      db.demoUsageEvent.findFirstOrThrow({ where: { userId: user.id }, orderBy: { id: "desc" } }),
    ]);
    expect(last.occurredAt).toEqual(now);
    expect(now.getTime() - first.occurredAt.getTime()).toBe(26_002 * 60_000);
    expect(first.ipAddress).toMatch(/^(192\.0\.2|198\.51\.100)\.\d+$|^2001:db8::/);
  });

  it("adds to an existing user, and refuses a count that is not a whole number ≥ 0", async () => {
    const result = await generateUsageEvents(db, { email, count: 7, now });
    expect(result).toMatchObject({ createdUser: false, inserted: 7 });
    expect(await db.demoUsageEvent.count({ where: { userId: result.userId } })).toBe(26_010);
    await expect(generateUsageEvents(db, { email, count: -1 })).rejects.toThrow(RangeError);
    await expect(generateUsageEvents(db, { email, count: 1.5 })).rejects.toThrow(RangeError);
  });
});
