// An admin's staff management on real SQLite and PostgreSQL: each step does what it says, writes its
// entry on the system audit chain in the same transaction, and refuses (changing nothing) what would
// lock the controller out: a non-admin, the last active DPO, an admin's own account.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { SYSTEM_CHAIN } from "../../audit/append-system-entry";
import { verifyAuditChains } from "../../audit/verify-audit-chains";
import { createSession } from "../../auth/sessions/create-session";
import { readSession } from "../../auth/sessions/read-session";
import { DEFAULT_SESSION_POLICY } from "../../auth/sessions/session-policy";
import { createDb, type Db } from "../../db/client";
import type { StaffRole } from "../../requests/workflow/actor";
import { changeStaffRole } from "./change-staff-role";
import { deactivateStaff, reactivateStaff } from "./deactivate-staff";
import { inviteStaff } from "./invite-staff";
import { listStaff } from "./list-staff";
import { resetStaffSecondFactor } from "./reset-staff-second-factor";
import type { StaffManagementContext } from "./staff-context";
import { inviteStaffForm } from "./staff-forms";

const flavors = inject("testDatabases").map((d) => d.flavor);
const now = new Date("2026-12-01T10:00:00Z");

describe.each(flavors)("staff management on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  const ids: Record<string, string> = {};

  const as = (who: string, role: StaffRole): StaffManagementContext => ({
    db,
    actor: { type: "staff", userId: ids[who]!, role },
    actorEmail: `${who}@demo.example`,
    client: { ip: "203.0.113.9", userAgent: "Firefox/140" },
    mail: testRequestSettings.mail,
    now,
  });
  const systemEvents = async () =>
    (await db.auditEntry.findMany({ where: { chain: SYSTEM_CHAIN }, orderBy: { seq: "asc" } })).map((e) => e.event);

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "staff");
    drop = database.drop;
    db = createDb(database.url);
  });
  beforeEach(async () => {
    await db.auditText.deleteMany();
    await db.auditEntry.deleteMany();
    await db.outboundMail.deleteMany();
    await db.session.deleteMany();
    await db.staffTotp.deleteMany();
    await db.user.deleteMany();
    for (const [who, role] of [
      ["admin", "admin"],
      ["dpo", "dpo"],
      ["team", "privacy_team"],
    ] as const) {
      ids[who] = (await db.user.create({ data: { email: `${who}@demo.example`, role } })).id;
    }
    ids.subject = (await db.user.create({ data: { email: "anna@example.org" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("an admin invites: the account has the role, the invitation is queued, the system chain records it", async () => {
    const input = inviteStaffForm.parse({
      email: " Neu@Demo.Example ",
      name: "Nora Neu",
      role: "auditor",
      locale: "en",
    });
    expect(await inviteStaff(as("admin", "admin"), input)).toEqual({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "neu@demo.example" } });
    expect(user).toMatchObject({ role: "auditor", name: "Nora Neu", locale: "en", deactivatedAt: null });
    const mail = await db.outboundMail.findFirstOrThrow({ where: { template: "staff_invitation" } });
    expect(mail).toMatchObject({ toAddress: "neu@demo.example", language: "en", status: "pending" });
    expect((mail.variables as { url: string }).url).toBe(
      "http://localhost:3000/en/sign-in?callbackUrl=%2Fen%2Fbackoffice",
    );
    expect(await systemEvents()).toEqual(["staff_invited"]);
    // The same address again is refused, and nothing more is written.
    expect(await inviteStaff(as("admin", "admin"), input)).toEqual({ ok: false, reason: "already_staff" });
    expect(await db.outboundMail.count()).toBe(1);
    // A data subject's account becomes staff: the same account, now with a role.
    const subject = inviteStaffForm.parse({ email: "anna@example.org", name: "", role: "privacy_team", locale: "de" });
    expect(await inviteStaff(as("admin", "admin"), subject)).toEqual({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: ids.subject } })).toMatchObject({ role: "privacy_team" });
    expect(await verifyAuditChains(db)).toMatchObject({ broken: null });
  });

  it("only an admin manages staff: a DPO, the privacy team and an auditor are refused and nothing changes", async () => {
    for (const [who, role] of [
      ["dpo", "dpo"],
      ["team", "privacy_team"],
      ["dpo", "auditor"],
    ] as const) {
      const context = as(who, role);
      const input = inviteStaffForm.parse({ email: "x@demo.example", name: "", role: "dpo", locale: "de" });
      expect(await inviteStaff(context, input)).toEqual({ ok: false, reason: "forbidden" });
      expect(await changeStaffRole(context, { userId: ids.team!, role: "dpo" })).toEqual({
        ok: false,
        reason: "forbidden",
      });
      expect(await deactivateStaff(context, ids.team!)).toEqual({ ok: false, reason: "forbidden" });
      expect(await resetStaffSecondFactor(context, ids.team!)).toEqual({ ok: false, reason: "forbidden" });
      expect(await listStaff(db, role)).toBeNull();
    }
    expect(await db.user.count({ where: { email: "x@demo.example" } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: ids.team } })).toMatchObject({ role: "privacy_team" });
    expect(await systemEvents()).toEqual([]);
  });

  it("the last active DPO can be neither demoted nor deactivated; with a second DPO both work", async () => {
    const admin = as("admin", "admin");
    expect(await changeStaffRole(admin, { userId: ids.dpo!, role: "privacy_team" })).toEqual({
      ok: false,
      reason: "last_dpo",
    });
    expect(await deactivateStaff(admin, ids.dpo!)).toEqual({ ok: false, reason: "last_dpo" });
    expect(await systemEvents()).toEqual([]);

    expect(await changeStaffRole(admin, { userId: ids.team!, role: "dpo" })).toEqual({ ok: true });
    expect(await changeStaffRole(admin, { userId: ids.dpo!, role: "auditor" })).toEqual({ ok: true });
    // Now the former team member is the only DPO; a deactivated DPO does not count as one.
    expect(await deactivateStaff(admin, ids.team!)).toEqual({ ok: false, reason: "last_dpo" });
    expect(await systemEvents()).toEqual(["staff_role_changed", "staff_role_changed"]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { chain: SYSTEM_CHAIN, seq: 2 } });
    expect(JSON.parse(entry.details)).toEqual({ userId: ids.dpo, from: "dpo", to: "auditor" });
  });

  it("deactivating ends every session at once and no session of the account counts afterwards", async () => {
    const team = { id: ids.team!, role: "privacy_team" as const };
    const sessions = [
      await createSession(db, team, DEFAULT_SESSION_POLICY, now),
      await createSession(db, team, DEFAULT_SESSION_POLICY, now),
    ];
    expect(await readSession(db, sessions[0]!.token, DEFAULT_SESSION_POLICY, now)).not.toBeNull();
    expect(await deactivateStaff(as("admin", "admin"), ids.team!)).toEqual({ ok: true });
    expect(await db.session.count({ where: { userId: ids.team } })).toBe(0);
    // A session made in a race with the deactivation counts for nothing either.
    const late = await createSession(db, team, DEFAULT_SESSION_POLICY, now);
    expect(await readSession(db, late.token, DEFAULT_SESSION_POLICY, now)).toBeNull();
    const rows = await listStaff(db, "admin");
    expect(rows!.at(-1)).toMatchObject({ id: ids.team, deactivatedAt: now });

    expect(await reactivateStaff(as("admin", "admin"), ids.team!)).toEqual({ ok: true });
    const again = await createSession(db, team, DEFAULT_SESSION_POLICY, now);
    expect(await readSession(db, again.token, DEFAULT_SESSION_POLICY, now)).not.toBeNull();
    expect(await systemEvents()).toEqual(["staff_deactivated", "staff_reactivated"]);
  });

  it("an admin neither demotes nor deactivates themselves, and a data subject's account is no staff account", async () => {
    const admin = as("admin", "admin");
    expect(await changeStaffRole(admin, { userId: ids.admin!, role: "auditor" })).toEqual({
      ok: false,
      reason: "self",
    });
    expect(await deactivateStaff(admin, ids.admin!)).toEqual({ ok: false, reason: "self" });
    expect(await deactivateStaff(admin, ids.subject!)).toEqual({ ok: false, reason: "not_found" });
    expect(await changeStaffRole(admin, { userId: "nobody", role: "dpo" })).toEqual({ ok: false, reason: "not_found" });
    expect(await db.user.findUniqueOrThrow({ where: { id: ids.subject } })).toMatchObject({ role: null });
  });

  it("resetting a second factor deletes the enrolment and un-proves the account's sessions, on record", async () => {
    await db.staffTotp.create({
      data: { userId: ids.team!, sealedSecret: "sealed", enrolledAt: now, lastTimeStep: null, createdAt: now },
    });
    const session = await createSession(db, { id: ids.team!, role: "privacy_team" }, DEFAULT_SESSION_POLICY, now);
    await db.session.updateMany({ where: { userId: ids.team }, data: { secondFactorAt: now } });
    expect(await resetStaffSecondFactor(as("admin", "admin"), ids.team!)).toEqual({ ok: true });
    expect(await db.staffTotp.count({ where: { userId: ids.team } })).toBe(0);
    expect((await db.session.findFirstOrThrow({ where: { userId: ids.team } })).secondFactorAt).toBeNull();
    expect(session.token).toBeTruthy();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { chain: SYSTEM_CHAIN } });
    expect(entry).toMatchObject({ event: "second_factor_reset", actorId: ids.admin, actorRole: "admin" });
    expect(JSON.parse(entry.details)).toEqual({ userId: ids.team, removed: true });
  });
});
