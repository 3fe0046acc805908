// Magic links on real SQLite and PostgreSQL: looking at a link (what the page behind it does on a
// GET) changes nothing, however often; only redeeming (the button's POST) spends it, once, signs
// the address in with a fresh session, and erases the mails that carried it.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { createDb, type Db } from "../../db/client";
import { readSession } from "../sessions/read-session";
import { DEFAULT_SESSION_POLICY } from "../sessions/session-policy";
import { sendSignInLink, type SignInLinkSettings } from "../sign-in-link";
import { inspectLink } from "./inspect-link";
import { redeemLink } from "./redeem-link";

const settings: SignInLinkSettings = {
  publicUrl: "http://localhost:3000",
  secret: "a-test-secret-that-is-long-enough-0123456789",
  maxAgeHours: 24,
  timeZone: "Europe/Berlin",
  mail: testRequestSettings.mail,
};
const redeem = { secret: settings.secret, sessionPolicy: DEFAULT_SESSION_POLICY };
const hour = 3_600_000;

describe.each(inject("testDatabases").map((d) => d.flavor))("magic links on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await privateDatabase(flavor, "links");
    db = createDb(database.url);
    drop = database.drop;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });
  const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

  /** A known address asks for a link; returns the token from the queued mail. */
  async function mailedToken(email: string, now = new Date()): Promise<string> {
    await db.user.upsert({ where: { email }, create: { email }, update: {} });
    expect(await sendSignInLink(db, { email, callbackUrl: "/de/my/requests" }, settings, now)).toBe("sent");
    const mail = await db.outboundMail.findFirstOrThrow({
      where: { toAddress: email },
      orderBy: { createdAt: "desc" },
    });
    return new URL((mail.variables as { url: string }).url).searchParams.get("token")!;
  }

  /** Everything a link touches, to compare before and after. */
  const footprint = async () => ({
    tokens: await db.verificationToken.findMany({ orderBy: { token: "asc" } }),
    sessions: await db.session.count(),
    users: await db.user.findMany({ orderBy: { email: "asc" } }),
    mails: await db.outboundMail.findMany({ orderBy: { id: "asc" } }),
  });

  it("looking at a link any number of times changes nothing, and tells the address it is for", async () => {
    const email = `look-${unique()}@demo.example`;
    const token = await mailedToken(email);
    const before = await footprint();
    for (let i = 0; i < 5; i++) {
      expect(await inspectLink(db, token, settings.secret)).toMatchObject({ usable: true, email });
    }
    expect(await footprint()).toEqual(before);
    // Nonsense looks like nothing, and is not even looked up.
    expect(await inspectLink(db, "' OR 1=1 --", settings.secret)).toEqual({ usable: false });
    expect(await inspectLink(db, undefined, settings.secret)).toEqual({ usable: false });
  });

  it("redeeming spends the link once, signs the address in, and erases its mail", async () => {
    const email = `once-${unique()}@demo.example`;
    const token = await mailedToken(email);
    const mailId = (await db.outboundMail.findFirstOrThrow({ where: { toAddress: email } })).id;
    const now = new Date();
    const result = await redeemLink(db, token, redeem, now);
    expect(result).toMatchObject({ ok: true, user: { email, role: null } });
    if (!result.ok) return;
    expect(await readSession(db, result.session.token, DEFAULT_SESSION_POLICY, now)).toMatchObject({
      userId: result.user.id,
      email,
    });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toEqual(now);
    // The link is gone, and so is every readable copy of it.
    expect(await inspectLink(db, token, settings.secret)).toEqual({ usable: false });
    expect(await redeemLink(db, token, redeem)).toEqual({ ok: false, reason: "used_or_expired" });
    // Not sent yet, so it never will be now; what it said and where it went are gone.
    const mail = await db.outboundMail.findUniqueOrThrow({ where: { id: mailId } });
    expect(mail).toMatchObject({ status: "failed", variables: {}, text: null, html: null, linkTokenHash: null });
    expect(mail.toAddress).toMatch(/^minimised:[0-9a-f]{64}$/);
    expect(JSON.stringify(mail)).not.toContain(token);
  });

  it("of two presses at once, exactly one signs in", async () => {
    const email = `race-${unique()}@demo.example`;
    const token = await mailedToken(email);
    const results = await Promise.all(Array.from({ length: 5 }, () => redeemLink(db, token, redeem)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("an expired link signs nobody in, and is gone afterwards", async () => {
    const email = `late-${unique()}@demo.example`;
    const sent = new Date(Date.now() - 25 * hour);
    const token = await mailedToken(email, sent);
    expect(await inspectLink(db, token, settings.secret)).toEqual({ usable: false });
    expect(await redeemLink(db, token, redeem)).toEqual({ ok: false, reason: "used_or_expired" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
  });

  it("makes the account on first use for an address that has only a request", async () => {
    const email = `first-${unique()}@demo.example`;
    await db.request.create({
      data: {
        reference: `DSR-T-${unique()}`,
        type: "access",
        details: {},
        subjectEmail: email,
        language: "de",
        status: "received",
        submittedAt: new Date(),
        statementVersion: "1",
      },
    });
    expect(await sendSignInLink(db, { email, callbackUrl: "/de/my/requests" }, settings)).toBe("sent");
    const mail = await db.outboundMail.findFirstOrThrow({ where: { toAddress: email } });
    const token = new URL((mail.variables as { url: string }).url).searchParams.get("token")!;
    expect(await db.user.count({ where: { email } })).toBe(0);
    const result = await redeemLink(db, token, redeem);
    expect(result).toMatchObject({ ok: true, user: { email, role: null } });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
