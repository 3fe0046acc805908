// The staff second factor on real SQLite and PostgreSQL: enrolment in two steps, codes by time step
// (never one twice), recovery codes (each once), the sealed secret in the table, the session's
// proof, and the admin's reset. Times are fixed instants, never waited for.
import { afterAll, describe, expect, inject, it } from "vitest";
import { createSession } from "../../auth/sessions/create-session";
import { readSession } from "../../auth/sessions/read-session";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "../../auth/sessions/session-policy";
import { sessionTokenHash } from "../../auth/sessions/session-token";
import { SYSTEM_CHAIN } from "../../audit/append-system-entry";
import { createDb, type Db } from "../../db/client";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { resetStaffSecondFactor } from "../staff/reset-staff-second-factor";
import { confirmEnrolment } from "./confirm-enrolment";
import { openSecret, SealedSecretError } from "./sealed-secret";
import type { SecondFactorContext } from "./second-factor-context";
import { secondFactorKeys } from "./second-factor-keys";
import { startEnrolment } from "./start-enrolment";
import { totpCode } from "./totp";
import { verifySecondFactor } from "./verify-second-factor";

const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

const context: SecondFactorContext = {
  keys: secondFactorKeys("a-test-secret-of-at-least-32-characters!"),
  issuer: { de: "Datenschutz-Portal", en: "Privacy Portal" },
};
// The policy as the TOTP page will switch it on: staff sessions reach nothing before the second factor.
const withSecondFactor: SessionPolicy = {
  ...DEFAULT_SESSION_POLICY,
  dpo: { ...DEFAULT_SESSION_POLICY.dpo, secondFactor: true },
};

const t0 = new Date("2026-12-01T09:00:10Z");
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe.each(inject("testDatabases"))("staff second factor on $flavor", ({ url, flavor }) => {
  const db = createDb(url);
  clients.push(db);
  const unique = () => `${flavor}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  async function signedIn(role: "dpo" | null = "dpo", locale = "en") {
    const user = await db.user.create({ data: { email: `tf-${unique()}@demo.example`, role, locale } });
    const { token } = await createSession(db, user, DEFAULT_SESSION_POLICY, t0);
    return { user, token, session: await sessionOf(token) };
  }

  async function sessionOf(token: string) {
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: sessionTokenHash(token) } });
    return { id: row.id, userId: row.userId };
  }

  /** A staff member enrolled at t0 with the code of t0's step; their secret and recovery codes. */
  async function enrolled() {
    const staff = await signedIn();
    const started = await startEnrolment(db, staff.user.id, context, t0);
    if (!started.ok) throw new Error(started.reason);
    const secret = started.manualKey.replaceAll(" ", "");
    const confirmed = await confirmEnrolment(db, staff.session, await totpCode(secret, t0), context, t0);
    if (!confirmed.ok) throw new Error(confirmed.reason);
    return { ...staff, secret, recoveryCodes: confirmed.recoveryCodes };
  }

  it("starts an enrolment: a QR code and a typed key of a secret stored only sealed, not yet enrolled", async () => {
    const { user } = await signedIn("dpo", "de");
    const started = await startEnrolment(db, user.id, context, t0);
    if (!started.ok) throw new Error(started.reason);
    const secret = started.manualKey.replaceAll(" ", "");
    expect(started.manualKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const uri = new URL(started.uri);
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Datenschutz-Portal");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe(`/Datenschutz-Portal:${user.email}`);
    expect(started.qrSvg).toMatch(/^<svg [^>]*viewBox="[^"]+"/);
    expect(started.qrSvg).not.toMatch(/<script|href=/i);

    const row = await db.staffTotp.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ enrolledAt: null, lastTimeStep: null });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(openSecret(row.sealedSecret, context.keys.seal, user.id)).toBe(secret);
    const otherSecret = secondFactorKeys("another-secret-of-at-least-32-characters");
    expect(() => openSecret(row.sealedSecret, otherSecret.seal, user.id)).toThrow(SealedSecretError);

    // Started again before confirming: a new secret replaces the pending one.
    const again = await startEnrolment(db, user.id, context, t0);
    if (!again.ok) throw new Error(again.reason);
    expect(again.manualKey).not.toBe(started.manualKey);
    expect(await db.staffTotp.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses to start for a data subject or an enrolled staff member", async () => {
    const subject = await signedIn(null);
    expect(await startEnrolment(db, subject.user.id, context, t0)).toEqual({ ok: false, reason: "not_staff" });
    expect(await startEnrolment(db, "no-such-user", context, t0)).toEqual({ ok: false, reason: "not_staff" });
    const staff = await enrolled();
    expect(await startEnrolment(db, staff.user.id, context, later(60))).toEqual({
      ok: false,
      reason: "already_enrolled",
    });
    expect(
      openSecret(
        (await db.staffTotp.findUniqueOrThrow({ where: { userId: staff.user.id } })).sealedSecret,
        context.keys.seal,
        staff.user.id,
      ),
    ).toBe(staff.secret);
  });

  it("confirms with the first code (one step either side), proves the session and hands out ten recovery codes once", async () => {
    const staff = await signedIn();
    expect(await readSession(db, staff.token, withSecondFactor, t0)).toMatchObject({ secondFactor: "pending" });
    expect(await confirmEnrolment(db, staff.session, "123456", context, t0)).toEqual({
      ok: false,
      reason: "not_started",
    });
    const started = await startEnrolment(db, staff.user.id, context, t0);
    if (!started.ok) throw new Error(started.reason);
    const secret = started.manualKey.replaceAll(" ", "");
    const wrong = String((Number(await totpCode(secret, t0)) + 1) % 1_000_000).padStart(6, "0");
    expect(await confirmEnrolment(db, staff.session, wrong, context, t0)).toEqual({ ok: false, reason: "wrong_code" });
    expect(await confirmEnrolment(db, staff.session, await totpCode(secret, later(-60)), context, t0)).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    // The code of the step before (a phone's clock a little behind) confirms.
    const confirmed = await confirmEnrolment(db, staff.session, await totpCode(secret, later(-30)), context, t0);
    if (!confirmed.ok) throw new Error(confirmed.reason);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    for (const code of confirmed.recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);

    const row = await db.staffTotp.findUniqueOrThrow({
      where: { userId: staff.user.id },
      include: { recoveryCodes: true },
    });
    expect(row.enrolledAt).toEqual(t0);
    expect(row.lastTimeStep).toBe(Math.floor(t0.getTime() / 30_000) - 1);
    expect(row.recoveryCodes).toHaveLength(10);
    const stored = JSON.stringify(row.recoveryCodes);
    for (const code of confirmed.recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replaceAll("-", ""));
    }
    expect((await db.session.findUniqueOrThrow({ where: { id: staff.session.id } })).secondFactorAt).toEqual(t0);
    expect(await readSession(db, staff.token, withSecondFactor, t0)).toMatchObject({ secondFactor: "verified" });
    expect(await confirmEnrolment(db, staff.session, await totpCode(secret, later(30)), context, later(30))).toEqual({
      ok: false,
      reason: "already_enrolled",
    });
  });

  it("verifies a code of a later step once, in any session; the same code again is a reused one", async () => {
    const staff = await enrolled();
    // t0's code confirmed the enrolment: not again, not even in another session.
    expect(await verifySecondFactor(db, staff.session, await totpCode(staff.secret, t0), context, later(5))).toEqual({
      ok: false,
      reason: "reused_code",
    });
    const second = await createSession(db, staff.user, DEFAULT_SESSION_POLICY, later(40));
    const secondSession = await sessionOf(second.token);
    const next = await totpCode(staff.secret, later(40));
    expect(
      await verifySecondFactor(db, secondSession, ` ${next.slice(0, 3)} ${next.slice(3)} `, context, later(40)),
    ).toEqual({
      ok: true,
      via: "totp",
      recoveryCodesLeft: 10,
    });
    expect(await readSession(db, second.token, withSecondFactor, later(40))).toMatchObject({
      secondFactor: "verified",
    });
    expect(await verifySecondFactor(db, staff.session, next, context, later(45))).toEqual({
      ok: false,
      reason: "reused_code",
    });
    // One step ahead of the server's clock is accepted; two are not; a code of another secret is wrong.
    expect(
      await verifySecondFactor(db, staff.session, await totpCode(staff.secret, later(160)), context, later(100)),
    ).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    expect(
      await verifySecondFactor(db, staff.session, await totpCode(staff.secret, later(130)), context, later(100)),
    ).toMatchObject({
      ok: true,
      via: "totp",
    });
    expect(await verifySecondFactor(db, staff.session, "000000x", context, later(200))).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    const row = await db.staffTotp.findUniqueOrThrow({ where: { userId: staff.user.id } });
    expect(row.lastTimeStep).toBe(Math.floor(later(130).getTime() / 30_000));
  });

  it("accepts the same code only once when it arrives twice at the same moment", async () => {
    const staff = await enrolled();
    const code = await totpCode(staff.secret, later(30));
    const results = await Promise.all([
      verifySecondFactor(db, staff.session, code, context, later(30)),
      verifySecondFactor(db, staff.session, code, context, later(30)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "reused_code" });
  });

  it("takes a recovery code once and only once, however it is typed", async () => {
    const staff = await enrolled();
    const [first, second] = staff.recoveryCodes;
    expect(
      await verifySecondFactor(db, staff.session, first!.toUpperCase().replaceAll("-", ""), context, later(60)),
    ).toEqual({
      ok: true,
      via: "recovery_code",
      recoveryCodesLeft: 9,
    });
    expect(await verifySecondFactor(db, staff.session, first, context, later(90))).toEqual({
      ok: false,
      reason: "reused_code",
    });
    expect(await verifySecondFactor(db, staff.session, "abcd-efgh-2345", context, later(90))).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    const results = await Promise.all([
      verifySecondFactor(db, staff.session, second, context, later(120)),
      verifySecondFactor(db, staff.session, second, context, later(120)),
    ]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, via: "recovery_code", recoveryCodesLeft: 8 }]);
    const codes = await db.staffRecoveryCode.findMany({ where: { userId: staff.user.id } });
    expect(codes.filter((c) => c.usedAt)).toHaveLength(2);
    // Another staff member's recovery code is no code of this one.
    const other = await enrolled();
    expect(await verifySecondFactor(db, staff.session, other.recoveryCodes[0], context, later(150))).toEqual({
      ok: false,
      reason: "wrong_code",
    });
  });

  it("says not_enrolled, whatever was typed, until an enrolment is confirmed", async () => {
    const staff = await signedIn();
    for (const input of ["123456", "abcd-efgh-2345", "nonsense", undefined]) {
      expect(await verifySecondFactor(db, staff.session, input, context, t0)).toEqual({
        ok: false,
        reason: "not_enrolled",
      });
    }
    const started = await startEnrolment(db, staff.user.id, context, t0);
    if (!started.ok) throw new Error(started.reason);
    const code = await totpCode(started.manualKey.replaceAll(" ", ""), t0);
    expect(await verifySecondFactor(db, staff.session, code, context, t0)).toEqual({
      ok: false,
      reason: "not_enrolled",
    });
  });

  it("spends nothing when the session is not the user's", async () => {
    const staff = await enrolled();
    const stranger = await signedIn();
    const code = await totpCode(staff.secret, later(30));
    await expect(
      verifySecondFactor(db, { id: stranger.session.id, userId: staff.user.id }, code, context, later(30)),
    ).rejects.toThrow(/session/);
    await expect(
      verifySecondFactor(
        db,
        { id: stranger.session.id, userId: staff.user.id },
        staff.recoveryCodes[0],
        context,
        later(30),
      ),
    ).rejects.toThrow(/session/);
    expect((await db.session.findUniqueOrThrow({ where: { id: stranger.session.id } })).secondFactorAt).toBeNull();
    expect(await verifySecondFactor(db, staff.session, code, context, later(30))).toMatchObject({ ok: true });
    expect(await verifySecondFactor(db, staff.session, staff.recoveryCodes[0], context, later(30))).toMatchObject({
      ok: true,
      recoveryCodesLeft: 9,
    });
  });

  it("reset deletes the secret and the recovery codes, withdraws the sessions' proof, and enrolment starts afresh", async () => {
    const staff = await enrolled();
    const admin = await db.user.create({ data: { email: `admin-${unique()}@demo.example`, role: "admin" } });
    // The admin's step (lib/backoffice/staff/), which records the reset on the system chain.
    const reset = () =>
      resetStaffSecondFactor(
        {
          db,
          actor: { type: "staff", userId: admin.id, role: "admin" },
          actorEmail: admin.email,
          client: { ip: null, userAgent: null },
          mail: testRequestSettings.mail,
          now: later(30),
        },
        staff.user.id,
      );
    expect(await reset()).toEqual({ ok: true });
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { chain: SYSTEM_CHAIN, event: "second_factor_reset", actorId: admin.id },
    });
    expect(JSON.parse(entry.details)).toEqual({ userId: staff.user.id, removed: true });
    expect(await db.staffTotp.count({ where: { userId: staff.user.id } })).toBe(0);
    expect(await db.staffRecoveryCode.count({ where: { userId: staff.user.id } })).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: staff.session.id } })).secondFactorAt).toBeNull();
    expect(await readSession(db, staff.token, withSecondFactor, later(60))).toMatchObject({ secondFactor: "pending" });
    expect(
      await verifySecondFactor(db, staff.session, await totpCode(staff.secret, later(60)), context, later(60)),
    ).toEqual({
      ok: false,
      reason: "not_enrolled",
    });
    expect(await verifySecondFactor(db, staff.session, staff.recoveryCodes[1], context, later(60))).toEqual({
      ok: false,
      reason: "not_enrolled",
    });
    expect(await reset()).toEqual({ ok: true });
    const entries = await db.auditEntry.findMany({
      where: { chain: SYSTEM_CHAIN, event: "second_factor_reset" },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => JSON.parse(e.details).removed)).toEqual([true, false]);
    expect(await startEnrolment(db, staff.user.id, context, later(60))).toMatchObject({ ok: true });
  });
});
