// The system chain (events outside any request, e.g. staff accounts and second factors): appended
// concurrently it stays one unbroken chain, on SQLite and PostgreSQL, and verifies like a request's.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../scripts/test/private-database";
import { createDb, type Db } from "../db/client";
import { appendSystemAuditEntry, inSystemChainTransaction, SYSTEM_CHAIN } from "./append-system-entry";
import { verifyAuditChains } from "./verify-audit-chains";

const flavors = inject("testDatabases").map((d) => d.flavor);

describe.each(flavors)("the system audit chain on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "system_chain");
    drop = database.drop;
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("twenty concurrent appends make one chain 1..20 that verifies; an edited entry is found", async () => {
    const admin = await db.user.create({ data: { email: "admin@demo.example", role: "admin" } });
    const actor = { type: "staff", userId: admin.id, role: "admin" } as const;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inSystemChainTransaction(db, (tx) =>
          appendSystemAuditEntry(tx, {
            actor,
            event: "staff_role_changed",
            details: { userId: `u${i}`, role: "privacy_team", reason: `Moved to the privacy team (${i}).` },
            createdAt: new Date(),
          }),
        ),
      ),
    );
    const rows = await db.auditEntry.findMany({ where: { chain: SYSTEM_CHAIN }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rows.every((r) => r.requestId === null && r.public === false && r.actorRole === "admin")).toBe(true);
    expect(await verifyAuditChains(db)).toMatchObject({ broken: null, chains: 1, entries: 20 });

    await db.auditEntry.update({ where: { id: rows[4]!.id }, data: { event: "staff_deactivated" } });
    const report = await verifyAuditChains(db);
    expect(report.broken).toMatchObject({ chain: SYSTEM_CHAIN, seq: 5 });
  });
});
