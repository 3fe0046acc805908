// The TOTP page's code steps on real SQLite and PostgreSQL: the limit on wrong codes per staff member
// (counted only for wrong or reused codes; once used up, a right code is refused too), and the system
// audit chain's entries for an enrolment, a spent recovery code and the limit reached. Times are
// fixed instants for the codes; the limit's window is counted by the store's own clock and never waited for.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { SYSTEM_CHAIN } from "../../audit/append-system-entry";
import { verifyAuditChains } from "../../audit/verify-audit-chains";
import { createSession } from "../../auth/sessions/create-session";
import { DEFAULT_SESSION_POLICY } from "../../auth/sessions/session-policy";
import { readSession } from "../../auth/sessions/read-session";
import { sessionTokenHash } from "../../auth/sessions/session-token";
import { createDb, type Db } from "../../db/client";
import type { RateLimitContext } from "../../security/rate-limit";
import { limitNames, type LimitName } from "../../security/rate-limit-settings";
import { confirmWithinLimit, verifyWithinLimit, type CodeAttemptSettings } from "./limited-code-attempt";
import { enrolmentState } from "./enrolment-state";
import { secondFactorKeys } from "./second-factor-keys";
import { startEnrolment } from "./start-enrolment";
import { totpCode } from "./totp";

const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

const secret = "a-test-secret-of-at-least-32-characters!";
const rateLimits: RateLimitContext = {
  secret,
  windowSeconds: 3600,
  points: {
    ...(Object.fromEntries(limitNames.map((n) => [n, 1000])) as Record<LimitName, number>),
    second_factor_user: 5,
  },
  windowSecondsByLimit: { second_factor_user: 900 },
};
const settings: CodeAttemptSettings = {
  secondFactor: { keys: secondFactorKeys(secret), issuer: { de: "Datenschutz-Portal", en: "Privacy Portal" } },
  rateLimits,
};

const t0 = new Date("2026-12-01T09:00:10Z");
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe.each(inject("testDatabases"))("the TOTP page's code steps on $flavor", ({ flavor }) => {
  // A database of its own: the chain check below walks every chain, and other files' bare request
  // rows (without audit entries) in the shared database would count as broken chains.
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await privateDatabase(flavor, "totp_limit");
    drop = database.drop;
    db = createDb(database.url);
    clients.push(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });
  const unique = () => `${flavor}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  async function signedIn(role: "dpo" | "auditor" = "dpo") {
    const user = await db.user.create({ data: { email: `lc-${unique()}@demo.example`, role, locale: "en" } });
    const { token } = await createSession(db, user, DEFAULT_SESSION_POLICY, t0);
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: sessionTokenHash(token) } });
    return { user, token, session: { id: row.id, userId: user.id } };
  }

  async function enrolled(role: "dpo" | "auditor" = "dpo") {
    const staff = await signedIn(role);
    const started = await startEnrolment(db, staff.user.id, settings.secondFactor, t0);
    if (!started.ok) throw new Error(started.reason);
    const key = started.manualKey.replaceAll(" ", "");
    const confirmed = await confirmWithinLimit(db, staff.session, await totpCode(key, t0), settings, t0);
    if (!confirmed.ok || !("recoveryCodes" in confirmed)) throw new Error("not confirmed");
    return { ...staff, key, recoveryCodes: confirmed.recoveryCodes };
  }

  const entries = (userId: string, event: string) =>
    db.auditEntry.findMany({ where: { chain: SYSTEM_CHAIN, actorId: userId, event }, orderBy: { seq: "asc" } });

  it("shows a pending enrolment's key again on a later visit, and nothing of an enrolled one", async () => {
    const staff = await signedIn();
    expect(await enrolmentState(db, staff.user.id, settings.secondFactor)).toEqual({ kind: "none" });
    const started = await startEnrolment(db, staff.user.id, settings.secondFactor, t0);
    if (!started.ok) throw new Error(started.reason);
    expect(await enrolmentState(db, staff.user.id, settings.secondFactor)).toEqual({
      kind: "pending",
      uri: started.uri,
      manualKey: started.manualKey,
      qrSvg: started.qrSvg,
    });
    // Under another NEXTAUTH_SECRET the pending secret does not open: set up afresh rather than fail.
    const otherKeys = { ...settings.secondFactor, keys: secondFactorKeys("another-secret-of-at-least-32-characters!") };
    expect(await enrolmentState(db, staff.user.id, otherKeys)).toEqual({ kind: "none" });
    const key = started.manualKey.replaceAll(" ", "");
    expect(await confirmWithinLimit(db, staff.session, await totpCode(key, t0), settings, t0)).toMatchObject({
      ok: true,
    });
    expect(await enrolmentState(db, staff.user.id, settings.secondFactor)).toEqual({ kind: "enrolled" });
  });

  it("records the confirmed enrolment on the system chain, by the staff member, in a chain that verifies", async () => {
    const staff = await enrolled("auditor");
    const [entry, ...more] = await entries(staff.user.id, "second_factor_enrolled");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorType: "staff", actorRole: "auditor", requestId: null });
    expect(JSON.parse(entry!.details)).toEqual({ recoveryCodes: 10 });
    expect(await readSession(db, staff.token, DEFAULT_SESSION_POLICY, t0)).toMatchObject({ secondFactor: "verified" });
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("records a spent recovery code with how many are left; a wrong one records nothing", async () => {
    const staff = await enrolled();
    expect(await verifyWithinLimit(db, staff.session, staff.recoveryCodes[3], settings, later(40))).toEqual({
      ok: true,
      via: "recovery_code",
      recoveryCodesLeft: 9,
    });
    expect(await verifyWithinLimit(db, staff.session, staff.recoveryCodes[4], settings, later(50))).toMatchObject({
      recoveryCodesLeft: 8,
    });
    expect(await verifyWithinLimit(db, staff.session, "aaaa-aaaa-aaaa", settings, later(60))).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    const used = await entries(staff.user.id, "second_factor_recovery_code_used");
    expect(used.map((entry) => JSON.parse(entry.details))).toEqual([
      { recoveryCodesLeft: 9 },
      { recoveryCodesLeft: 8 },
    ]);
  });

  it("refuses every code after five wrong ones, a right one too, and audits the limit once", async () => {
    const staff = await enrolled();
    const other = await enrolled();
    // A right code does not count: the staff member proves it, then mistypes.
    expect(
      await verifyWithinLimit(db, staff.session, await totpCode(staff.key, later(30)), settings, later(30)),
    ).toMatchObject({ ok: true });
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await verifyWithinLimit(db, staff.session, "000000", settings, later(60))).toEqual({
        ok: false,
        reason: "wrong_code",
      });
    }
    // The fifth wrong code uses the limit up: said at once, with the window's time left.
    const fifth = await verifyWithinLimit(db, staff.session, "000000", settings, later(60));
    expect(fifth).toMatchObject({ ok: false, reason: "limited" });
    if (fifth.ok || fifth.reason !== "limited") throw new Error("unreachable");
    expect(fifth.retryAfterSeconds).toBeGreaterThan(800);
    expect(fifth.retryAfterSeconds).toBeLessThanOrEqual(900);

    await db.session.updateMany({ where: { id: staff.session.id }, data: { secondFactorAt: null } });
    const right = await totpCode(staff.key, later(90));
    expect(await verifyWithinLimit(db, staff.session, right, settings, later(90))).toMatchObject({ reason: "limited" });
    expect(await verifyWithinLimit(db, staff.session, staff.recoveryCodes[0], settings, later(90))).toMatchObject({
      reason: "limited",
    });
    // Nothing was checked: the session still owes its second factor, the code and its step are unspent.
    expect(await readSession(db, staff.token, DEFAULT_SESSION_POLICY, later(90))).toMatchObject({
      secondFactor: "pending",
    });
    expect(await db.staffRecoveryCode.count({ where: { userId: staff.user.id, usedAt: null } })).toBe(10);

    const reached = await entries(staff.user.id, "second_factor_limit_reached");
    expect(reached.map((entry) => JSON.parse(entry.details))).toEqual([{ wrongCodes: 5, windowMinutes: 15 }]);
    // Per person: someone else's codes still count.
    expect(
      await verifyWithinLimit(db, other.session, await totpCode(other.key, later(90)), settings, later(90)),
    ).toMatchObject({ ok: true, via: "totp" });
  });

  it("something that is no code at all is refused as wrong without spending an attempt", async () => {
    const staff = await enrolled();
    for (const typed of ["", "not-a-code", "12345", "1234567", "abcdef", null]) {
      expect(await verifyWithinLimit(db, staff.session, typed, settings, later(60))).toEqual({
        ok: false,
        reason: "wrong_code",
      });
    }
    // All five attempts are still there: four wrong codes leave the right one accepted.
    for (let i = 0; i < 4; i++) {
      expect(await verifyWithinLimit(db, staff.session, "000000", settings, later(60))).toMatchObject({
        reason: "wrong_code",
      });
    }
    expect(
      await verifyWithinLimit(db, staff.session, await totpCode(staff.key, later(90)), settings, later(90)),
    ).toMatchObject({ ok: true });
  });

  it("counts wrong first codes of an enrolment against the same limit", async () => {
    const staff = await signedIn();
    const started = await startEnrolment(db, staff.user.id, settings.secondFactor, t0);
    if (!started.ok) throw new Error(started.reason);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await confirmWithinLimit(db, staff.session, "123 456", settings, t0)).toMatchObject({
        reason: "wrong_code",
      });
    }
    expect(await confirmWithinLimit(db, staff.session, "654 321", settings, t0)).toMatchObject({ reason: "limited" });
    const key = started.manualKey.replaceAll(" ", "");
    expect(await confirmWithinLimit(db, staff.session, await totpCode(key, t0), settings, t0)).toMatchObject({
      reason: "limited",
    });
    expect(await enrolmentState(db, staff.user.id, settings.secondFactor)).toMatchObject({ kind: "pending" });
  });
});
