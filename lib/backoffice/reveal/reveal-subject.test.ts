// Revealing a subject's address on real SQLite and PostgreSQL: an internal audit entry on the
// request's own chain that still verifies, the head moved, the version (optimistic lock) untouched.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { verifyAuditChains } from "../../audit/verify-audit-chains";
import { createDb, type Db } from "../../db/client";
import { submitRequest } from "../../requests/submit-request";
import { transitionRequest } from "../../requests/transition-request";
import type { StaffRole } from "../../requests/workflow/actor";
import { REVEAL_EVENT, revealedSubjects, revealSubject } from "./reveal-subject";

describe.each(inject("testDatabases").map((d) => d.flavor))("revealing a subject on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  const users: Record<StaffRole, string> = {} as never;
  const now = new Date("2026-11-03T09:00:00Z");
  const viewer = (role: StaffRole, secondFactorAt: Date | null = null) => ({
    actor: { type: "staff" as const, userId: users[role], role },
    secondFactorAt,
  });

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "reveal");
    drop = database.drop;
    db = createDb(database.url);
    for (const role of ["dpo", "privacy_team", "auditor", "admin"] as const)
      users[role] = (await db.user.create({ data: { email: `${role}@demo.example`, role } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  async function received(email = "Anna@Example.org") {
    const filed = await submitRequest(
      db,
      {
        type: "access",
        details: { scope: "all", copy: true },
        subjectEmail: email,
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
    return filed.id;
  }

  it("records an internal entry on the request's chain, moves its head and keeps its version", async () => {
    const id = await received();
    const before = await db.request.findUniqueOrThrow({ where: { id } });
    const outcome = await revealSubject(db, viewer("auditor"), id, { ip: "192.0.2.7", userAgent: "test" }, now);
    expect(outcome).toMatchObject({ ok: true, email: "anna@example.org" });
    const after = await db.request.findUniqueOrThrow({ where: { id } });
    expect(after.version).toBe(before.version);
    expect(after.status).toBe(before.status);
    expect(after.auditHeadSeq).toBe(before.auditHeadSeq + 1);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: id, seq: after.auditHeadSeq } });
    expect(entry).toMatchObject({
      chain: id,
      event: REVEAL_EVENT,
      public: false,
      actorType: "staff",
      actorId: users.auditor,
      actorRole: "auditor",
      prevHash: before.auditHeadHash,
      hash: after.auditHeadHash,
    });
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("shows the address to the one who revealed it, for a while, and to nobody else", async () => {
    const id = await received("bert@example.org");
    const other = await received("carla@example.org");
    expect(await revealedSubjects(db, viewer("dpo"), [id, other], now)).toEqual(new Map());
    await revealSubject(db, viewer("dpo"), id, {}, now);
    expect(await revealedSubjects(db, viewer("dpo"), [id, other], now)).toEqual(new Map([[id, "bert@example.org"]]));
    expect(await revealedSubjects(db, viewer("privacy_team"), [id, other], now)).toEqual(new Map());
    expect(await revealedSubjects(db, viewer("dpo"), [id], new Date(now.getTime() + 16 * 60_000))).toEqual(new Map());
  });

  it("refuses an admin, a stale second factor and a missing request, writing nothing", async () => {
    const id = await received("dora@example.org");
    const before = await db.request.findUniqueOrThrow({ where: { id } });
    expect(await revealSubject(db, viewer("admin"), id, {}, now)).toEqual({ ok: false, code: "not_allowed" });
    const stale = new Date(now.getTime() - 16 * 60_000);
    expect(await revealSubject(db, viewer("dpo", stale), id, {}, now)).toEqual({ ok: false, code: "not_allowed" });
    expect(await revealSubject(db, viewer("dpo"), "nosuchrequest", {}, now)).toEqual({ ok: false, code: "not_found" });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).auditHeadSeq).toBe(before.auditHeadSeq);
    const fresh = new Date(now.getTime() - 14 * 60_000);
    expect(await revealSubject(db, viewer("dpo", fresh), id, {}, now)).toMatchObject({ ok: true });
  });

  it("has nothing to reveal once a request is minimised", async () => {
    const id = await received("emil@example.org");
    await db.request.update({ where: { id }, data: { minimisedAt: now } });
    expect(await revealSubject(db, viewer("dpo"), id, {}, now)).toEqual({ ok: false, code: "minimised" });
  });

  it("leaves a colleague's open form valid: a transition with the version read before the reveal succeeds", async () => {
    const id = await received("fritz@example.org");
    await revealSubject(db, viewer("auditor"), id, {}, now);
    const started = await transitionRequest(
      db,
      {
        requestId: id,
        actor: { type: "staff", userId: users.dpo, role: "dpo" },
        command: { name: "start_work", input: {} },
      },
      testRequestSettings,
      new Date(now.getTime() + 60_000),
    );
    expect(started).toMatchObject({ ok: true, status: "in_progress" });
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });
});
