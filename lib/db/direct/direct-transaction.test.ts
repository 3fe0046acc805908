// Direct statements (the filing's write path) on real SQLite and PostgreSQL: they commit or roll back
// as one, never join a Prisma transaction that is open on SQLite's one connection, and what they
// write reads back through Prisma as Prisma would have written it (instants, booleans, JSON).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../client";
import { directStatements, directTransaction } from "./direct-transaction";

describe.each(inject("testDatabases"))("direct statements on $flavor", ({ url }) => {
  let db: Db;
  beforeAll(() => {
    db = createDb(url);
  });
  afterAll(() => db.$disconnect());

  const insertUser = (email: string) =>
    [
      `INSERT INTO "User" ("id", "email", "locale", "emailVerified", "createdAt", "updatedAt") VALUES (?, ?, 'en', ?, ?, ?)`,
      [randomUUID(), email, new Date("2026-03-29T00:30:00.123Z"), new Date(), new Date()],
    ] as const;

  it("commits all of a transaction, or nothing of it when it throws", async () => {
    const tag = randomUUID();
    await directTransaction(db, async (tx) => {
      await tx.run(...insertUser(`kept-1-${tag}@example.org`));
      await tx.run(...insertUser(`kept-2-${tag}@example.org`));
    });
    const failed = await directTransaction(db, async (tx) => {
      await tx.run(...insertUser(`gone-1-${tag}@example.org`));
      throw new Error("changed my mind");
    }).catch((error: unknown) => String(error));
    expect(failed).toMatch(/changed my mind/);
    // A failing statement rolls back what came before it too (the unique address, used twice).
    await expect(
      directTransaction(db, async (tx) => {
        await tx.run(...insertUser(`gone-2-${tag}@example.org`));
        await tx.run(...insertUser(`kept-1-${tag}@example.org`));
      }),
    ).rejects.toThrow();
    const emails = (await db.user.findMany({ where: { email: { contains: tag } }, select: { email: true } }))
      .map((u) => u.email)
      .sort();
    expect(emails).toEqual([`kept-1-${tag}@example.org`, `kept-2-${tag}@example.org`]);
  });

  it("writes instants, booleans and JSON that Prisma reads back as written", async () => {
    const tag = randomUUID();
    const email = `values-${tag}@example.org`;
    await directStatements(db, (tx) => tx.run(...insertUser(email)));
    // An instant at a daylight-saving change of Europe/Berlin, with milliseconds: UTC in, UTC out.
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified?.toISOString()).toBe(
      "2026-03-29T00:30:00.123Z",
    );
    const id = randomUUID();
    await directTransaction(db, (tx) =>
      tx.run(
        `INSERT INTO "OutboundMail" ("id", "template", "variables", "language", "toAddress", "status", "attempts", "nextAttemptAt", "createdAt")
         VALUES (?, 'confirm_request', ?, 'de', ?, 'pending', 0, ?, ?)`,
        [id, JSON.stringify({ nested: { ä: "ö" }, list: [1, 2] }), email, new Date(0), new Date()],
      ),
    );
    const mail = await db.outboundMail.findUniqueOrThrow({ where: { id } });
    expect(mail.variables).toEqual({ nested: { ä: "ö" }, list: [1, 2] });
    expect(mail.nextAttemptAt.getTime()).toBe(0);
    expect(mail.language).toBe("de");
    const row = await directStatements(db, (tx) =>
      tx.get<{ email: string }>(`SELECT "email" FROM "User" WHERE "email" = ?`, [email]),
    );
    expect(row).toEqual({ email });
  });

  it("waits for a Prisma transaction in progress instead of joining it", async () => {
    const tag = randomUUID();
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { email: `prisma-${tag}@example.org` } });
        opened();
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw new Error("rolled back");
      })
      .catch((error: unknown) => String(error));
    await open;
    await directTransaction(db, (tx) => tx.run(...insertUser(`direct-${tag}@example.org`)));
    expect(await rolledBack).toMatch(/rolled back/);
    expect(await db.user.count({ where: { email: `prisma-${tag}@example.org` } })).toBe(0);
    expect(await db.user.count({ where: { email: `direct-${tag}@example.org` } })).toBe(1);
  });

  it("works again after the client disconnected (a new connection or pool, not the closed one)", async () => {
    const tag = randomUUID();
    await directTransaction(db, (tx) => tx.run(...insertUser(`before-${tag}@example.org`)));
    await db.$disconnect();
    await directTransaction(db, (tx) => tx.run(...insertUser(`after-${tag}@example.org`)));
    expect(await db.user.count({ where: { email: { contains: tag } } })).toBe(2);
  });
});
