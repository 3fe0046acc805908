// Bulk actions on real SQLite and PostgreSQL: one transition (and audit entry) per case, the
// workflow's rules deciding who may, a refused case leaving the others done.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { verifyAuditChains } from "../../audit/verify-audit-chains";
import { createDb, type Db } from "../../db/client";
import { submitRequest } from "../../requests/submit-request";
import { transitionRequest } from "../../requests/transition-request";
import type { StaffRole } from "../../requests/workflow/actor";
import { applyBulk, duplicateReason, mayBulk } from "./bulk";

describe.each(inject("testDatabases").map((d) => d.flavor))("bulk actions on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  const users: Record<StaffRole, string> = {} as never;
  const viewer = (role: StaffRole) => ({ actor: { type: "staff" as const, userId: users[role], role } });
  const now = new Date("2026-11-03T09:00:00Z");

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "bulk");
    drop = database.drop;
    db = createDb(database.url);
    for (const role of ["dpo", "privacy_team", "auditor", "admin"] as const)
      users[role] = (await db.user.create({ data: { email: `${role}@demo.example`, role } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  async function received(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const filed = await submitRequest(
        db,
        {
          type: "erasure",
          details: { scope: "all" },
          subjectEmail: `p${i}-${Date.now()}@example.org`,
          language: "de",
          statementVersion: "2023-07",
        },
        new Date("2026-11-02T08:00:00Z"),
      );
      if (!filed.ok) throw new Error(filed.issues.join("; "));
      const verified = await transitionRequest(
        db,
        { requestId: filed.id, actor: { type: "system" }, command: { name: "verify", input: {} } },
        testRequestSettings,
        new Date("2026-11-02T09:00:00Z"),
      );
      if (!verified.ok) throw new Error(JSON.stringify(verified.error));
      ids.push(filed.id);
    }
    return ids;
  }

  it("asks the workflow's rules who may", () => {
    expect(mayBulk(viewer("dpo"), "assign")).toBe(true);
    expect(mayBulk(viewer("privacy_team"), "withdraw_duplicate")).toBe(true);
    expect(mayBulk(viewer("auditor"), "assign")).toBe(false);
    expect(mayBulk(viewer("admin"), "withdraw_duplicate")).toBe(false);
  });

  it("assigns each case in its own step with its own audit entry", async () => {
    const ids = await received(3);
    const before = await db.request.findMany({ where: { id: { in: ids } }, select: { id: true, auditHeadSeq: true } });
    const outcome = await applyBulk(
      db,
      viewer("dpo"),
      { kind: "assign", assigneeId: users.privacy_team },
      ids,
      testRequestSettings,
      {},
      now,
    );
    expect(outcome).toEqual({ done: 3, refused: [] });
    for (const row of before) {
      const after = await db.request.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.assigneeId).toBe(users.privacy_team);
      expect(after.auditHeadSeq).toBe(row.auditHeadSeq + 1);
      const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: row.id, seq: after.auditHeadSeq } });
      expect(entry).toMatchObject({ actorId: users.dpo, actorRole: "dpo" });
    }
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("withdraws as duplicates, refusing a case already closed and doing the rest", async () => {
    const ids = await received(3);
    await applyBulk(db, viewer("dpo"), { kind: "withdraw_duplicate" }, [ids[0]!], testRequestSettings, {}, now);
    const outcome = await applyBulk(
      db,
      viewer("privacy_team"),
      { kind: "withdraw_duplicate" },
      ids,
      testRequestSettings,
      {},
      now,
    );
    expect(outcome.done).toBe(2);
    expect(outcome.refused).toEqual([{ requestId: ids[0], code: expect.any(String) }]);
    const statuses = await db.request.findMany({ where: { id: { in: ids } }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["withdrawn", "withdrawn", "withdrawn"]);
    // The subjects filed in German: the reason on their record is in German too.
    const texts = await db.auditText.findMany({ where: { requestId: { in: ids } }, select: { text: true } });
    expect(texts.filter((t) => t.text === duplicateReason.de)).toHaveLength(3);
  });

  it("changes nothing for an auditor", async () => {
    const ids = await received(2);
    const outcome = await applyBulk(
      db,
      viewer("auditor"),
      { kind: "assign", assigneeId: users.dpo },
      ids,
      testRequestSettings,
      {},
      now,
    );
    expect(outcome.done).toBe(0);
    expect(outcome.refused.map((r) => r.code)).toEqual(["actor_not_permitted", "actor_not_permitted"]);
    const rows = await db.request.findMany({ where: { id: { in: ids } }, select: { assigneeId: true, version: true } });
    expect(rows.every((r) => r.assigneeId === null && r.version === 1)).toBe(true);
  });
});
