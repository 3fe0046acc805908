// The demo's second factor end to end, on real SQLite and PostgreSQL: seeding in demo mode enrols the
// demo staff with their derived secrets (and outside it does not), and `npm run -s totp` as a
// newcomer meets it: a real process that prints the current code in demo mode and refuses elsewhere.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoCode } from "../lib/backoffice/second-factor/demo-code";
import { demoTotpSecret } from "../lib/backoffice/second-factor/demo-secret";
import { secondFactorKeys } from "../lib/backoffice/second-factor/second-factor-keys";
import { totpCode } from "../lib/backoffice/second-factor/totp";
import { verifySecondFactor } from "../lib/backoffice/second-factor/verify-second-factor";
import { createSession } from "../lib/auth/sessions/create-session";
import { DEFAULT_SESSION_POLICY } from "../lib/auth/sessions/session-policy";
import { sessionTokenHash } from "../lib/auth/sessions/session-token";
import { createDb, type Db } from "../lib/db/client";
import { demoAccounts, seedDemoData } from "../prisma/seed";
import { privateDatabase } from "./test/private-database";
import { testRequestSettings } from "./test/request-settings";
import { runScript, type ScriptRun } from "./test/run-script";

const nextauthSecret = "a-demo-secret-of-at-least-32-characters!";
const keys = secondFactorKeys(nextauthSecret);
const seededAt = new Date("2026-12-01T09:00:00Z");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-totp-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(databaseUrl: string, env: Record<string, string>, ...args: string[]): Promise<ScriptRun> {
  return runScript("scripts/totp.ts", args, {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: nextauthSecret,
    DATA_DIR: dataDir,
    ...env,
  });
}

const demo = { PORTAL_MODE: "demo" };
const production = { PORTAL_MODE: "production", PUBLIC_URL: "https://portal.example", SMTP_HOST: "localhost" };

describe.each(inject("testDatabases").map((d) => d.flavor))("demo second factor on %s", (flavor) => {
  let db: Db;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "totpdemo");
    url = database.url;
    drop = database.drop;
    db = createDb(url);
    expect(await seedDemoData(db, testRequestSettings, seededAt, keys)).toBe(true);
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("seeding in demo mode enrols every demo staff member with their derived secret, no recovery codes", async () => {
    for (const account of demoAccounts) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { staffTotp: true } });
      expect(user.staffTotp).toMatchObject({ enrolledAt: seededAt, lastTimeStep: null });
      expect(user.staffTotp!.sealedSecret).not.toContain(demoTotpSecret(account.email, keys.demoSecrets));
      expect(await demoCode(db, account.email, keys, seededAt)).toEqual({
        ok: true,
        code: await totpCode(demoTotpSecret(account.email, keys.demoSecrets), seededAt),
      });
    }
    expect(await db.staffRecoveryCode.count()).toBe(0);
    // The data subjects are no staff and have no second factor.
    expect(await db.staffTotp.count()).toBe(demoAccounts.length);
  });

  it("the code it computes is one the portal accepts, once", async () => {
    const dpo = await db.user.findUniqueOrThrow({ where: { email: "dpo@demo.example" } });
    const { token } = await createSession(db, dpo, DEFAULT_SESSION_POLICY, seededAt);
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: sessionTokenHash(token) } });
    const session = { id: row.id, userId: dpo.id };
    const now = new Date(seededAt.getTime() + 60_000);
    const shown = await demoCode(db, dpo.email, keys, now);
    if (!shown.ok) throw new Error(shown.reason);
    expect(await verifySecondFactor(db, session, shown.code, { keys, issuer: { de: "", en: "" } }, now)).toEqual({
      ok: true,
      via: "totp",
      recoveryCodesLeft: 0,
    });
    expect(await verifySecondFactor(db, session, shown.code, { keys, issuer: { de: "", en: "" } }, now)).toEqual({
      ok: false,
      reason: "reused_code",
    });
  });

  it("npm run -s totp -- dpo@demo.example prints the current code alone", async () => {
    const secret = demoTotpSecret("dpo@demo.example", keys.demoSecrets);
    const before = await totpCode(secret, new Date());
    const run = await cli(url, demo, "DPO@demo.example");
    const after = await totpCode(secret, new Date());
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d{6}\n$/);
    expect([before, after]).toContain(run.stdout.trim());
  });

  it("refuses outside demo mode (exit 2), and names why an address has no code (exit 1)", async () => {
    const refused = await cli(url, production, "dpo@demo.example");
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toMatch(/^error: PORTAL_MODE is production: codes are printed only in demo mode/);

    const subject = await cli(url, demo, "anna.schmidt@demo.example");
    expect(subject).toMatchObject({ code: 1, stdout: "" });
    expect(subject.stderr).toBe("error: anna.schmidt@demo.example is no staff account in this portal's database\n");

    const unknown = await cli(url, demo, "nobody@demo.example");
    expect(unknown).toMatchObject({ code: 1, stdout: "" });

    await db.user.create({ data: { email: `new-${flavor}@demo.example`, role: "privacy_team" } });
    const notEnrolled = await cli(url, demo, `new-${flavor}@demo.example`);
    expect(notEnrolled).toMatchObject({ code: 1, stdout: "" });
    expect(notEnrolled.stderr).toMatch(/has no TOTP enrolment/);

    // Under another NEXTAUTH_SECRET the stored secrets are not the demo secrets (nor do they open).
    const otherSecret = await cli(
      url,
      { ...demo, NEXTAUTH_SECRET: "another-secret-of-at-least-32-characters" },
      "dpo@demo.example",
    );
    expect(otherSecret).toMatchObject({ code: 1, stdout: "" });
    expect(otherSecret.stderr).toMatch(/is not enrolled with the demo secret/);

    expect(await cli(url, demo)).toMatchObject({ code: 2, stdout: "" });
  });
});

describe.each(inject("testDatabases").map((d) => d.flavor))("seeding outside demo mode on %s", (flavor) => {
  it("enrols nobody: without the demo keys the seed leaves the second factor to each staff member", async () => {
    const database = await privateDatabase(flavor, "totpprod");
    const db = createDb(database.url);
    try {
      expect(await seedDemoData(db, testRequestSettings, seededAt)).toBe(true);
      expect(await db.staffTotp.count()).toBe(0);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});
