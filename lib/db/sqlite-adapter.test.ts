// One client's transactions and its other queries on real SQLite and PostgreSQL: a write made
// outside a transaction is never swept into another caller's transaction (on SQLite's one
// connection it used to be, and vanished when that transaction rolled back).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "./client";

describe.each(inject("testDatabases"))("one client's transactions on $flavor", ({ url, flavor }) => {
  let db: Db;
  const tag = `${flavor}-${Date.now()}`;
  beforeAll(() => {
    db = createDb(url);
  });
  afterAll(() => db.$disconnect());

  it("a write made while another caller's transaction is open survives that transaction's rollback", async () => {
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { email: `inside-${tag}@example.org` } });
        opened();
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw new Error("changed my mind");
      })
      .catch((error: unknown) => String(error));
    await open;
    await db.user.create({ data: { email: `outside-${tag}@example.org` } });
    expect(await rolledBack).toMatch(/changed my mind/);
    expect(await db.user.count({ where: { email: `inside-${tag}@example.org` } })).toBe(0);
    expect(await db.user.count({ where: { email: `outside-${tag}@example.org` } })).toBe(1);
  });

  it("a statement run again with other arguments answers for those (SQLite keeps it prepared)", async () => {
    const emails = [1, 2, 3].map((n) => `again-${n}-${tag}@example.org`);
    for (const email of emails) await db.user.create({ data: { email } });
    // The same SQL text each time, inside and outside transactions, read and written.
    for (const email of emails) {
      expect((await db.user.findUnique({ where: { email } }))?.email).toBe(email);
      await db.$transaction((tx) => tx.user.update({ where: { email }, data: { name: email } }));
    }
    const rows = await db.user.findMany({ where: { email: { in: emails } }, orderBy: { email: "asc" } });
    expect(rows.map((row) => row.name)).toEqual(emails);
    expect(await db.user.findUnique({ where: { email: `missing-${tag}@example.org` } })).toBeNull();
  });

  it("a transaction that runs out of time, or cannot begin in time, leaves the client usable", async () => {
    const slow = db
      .$transaction(async () => new Promise((resolve) => setTimeout(resolve, 400)), { timeout: 100 })
      .catch((error: unknown) => String(error));
    const late = db
      .$transaction((tx) => tx.user.create({ data: { email: `late-${tag}@example.org` } }), { maxWait: 50 })
      .catch((error: unknown) => String(error));
    expect(await slow).toMatch(/expired|timeout|closed/i);
    // SQLite: it waited for the slow one's turn; PostgreSQL may have begun it on another connection.
    if (flavor === "sqlite") expect(await late).toMatch(/Unable to start a transaction in the given time/);
    else await late;
    await db.$transaction((tx) => tx.user.create({ data: { email: `after-${tag}@example.org` } }));
    expect(await db.user.count({ where: { email: `after-${tag}@example.org` } })).toBe(1);
  });

  it.runIf(flavor === "sqlite")(
    "waiting for another process's write lock leaves the event loop free, and the transaction runs once it is released",
    async () => {
      // Another connection (as the jobs worker's) holds the write lock for 300 ms.
      const other = new Database(url.replace(/^file:/, ""));
      other.exec("BEGIN IMMEDIATE");
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      const begun = Date.now();
      const written = db.$transaction((tx) => tx.user.create({ data: { email: `waited-${tag}@example.org` } }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ticksWhileHeld = ticks;
      other.exec("COMMIT");
      other.close();
      await written;
      clearInterval(ticker);
      // Blocked in SQLite's busy handler, the loop would not have ticked at all until the lock was free.
      expect(ticksWhileHeld).toBeGreaterThanOrEqual(10);
      expect(Date.now() - begun).toBeGreaterThanOrEqual(300);
      expect(await db.user.count({ where: { email: `waited-${tag}@example.org` } })).toBe(1);
    },
  );
});
