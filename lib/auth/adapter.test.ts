// The adapter on real SQLite and PostgreSQL: users by lower-cased address, magic-link tokens that
// work once, only before they expire, and only for the address they were sent to; and database
// sessions next-auth reads, ends, and cannot extend.
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../db/client";
import { prismaAdapter } from "./adapter";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "./sessions/session-policy";
import { sessionTokenHash } from "./sessions/session-token";

const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

const hour = 60 * 60 * 1000;

describe.each(inject("testDatabases"))("next-auth adapter on $flavor", ({ url, flavor }) => {
  const database = createDb(url);
  clients.push(database);
  const adapter = prismaAdapter(database, DEFAULT_SESSION_POLICY);
  const unique = () => `${flavor}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  it("creates a subject user lower-case, without a role, and finds it by any spelling", async () => {
    const email = `Subject-${unique()}@Demo.Example`;
    const verified = new Date();
    const created = await adapter.createUser!({ email, emailVerified: verified });
    expect(created).toMatchObject({ email: email.toLowerCase(), role: null, emailVerified: verified });
    expect(await adapter.getUserByEmail!(email.toUpperCase())).toMatchObject({ id: created.id });
    expect(await adapter.getUser!(created.id)).toMatchObject({ email: email.toLowerCase() });
    expect(await adapter.getUserByEmail!(`nobody-${unique()}@demo.example`)).toBeNull();
  });

  it("records a verification but never touches the role", async () => {
    const staff = await database.user.create({ data: { email: `dpo-${unique()}@demo.example`, role: "dpo" } });
    const when = new Date("2026-11-26T12:00:00Z");
    const updated = await adapter.updateUser!({ id: staff.id, emailVerified: when, role: null });
    expect(updated).toMatchObject({ role: "dpo", emailVerified: when });
  });

  it("lets a token be used once", async () => {
    const identifier = `once-${unique()}@demo.example`;
    const token = { identifier, token: `hash-${unique()}`, expires: new Date(Date.now() + hour) };
    await adapter.createVerificationToken!(token);
    const results = await Promise.all([
      adapter.useVerificationToken!({ identifier, token: token.token }),
      adapter.useVerificationToken!({ identifier, token: token.token }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results.find(Boolean)).toMatchObject({ identifier, token: token.token });
    expect(await adapter.useVerificationToken!({ identifier, token: token.token })).toBeNull();
  });

  it("refuses a token for another address, and an expired one (which is gone afterwards)", async () => {
    const identifier = `expired-${unique()}@demo.example`;
    const valid = { identifier, token: `hash-${unique()}`, expires: new Date(Date.now() + hour) };
    await adapter.createVerificationToken!(valid);
    expect(await adapter.useVerificationToken!({ identifier: `other-${unique()}@x.example`, token: valid.token })).toBe(
      null,
    );

    const later = prismaAdapter(database, DEFAULT_SESSION_POLICY, () => new Date(Date.now() + 2 * hour));
    expect(await later.useVerificationToken!({ identifier, token: valid.token })).toBeNull();
    expect(await database.verificationToken.count({ where: { identifier } })).toBe(0);
  });

  it("clears expired tokens when it stores a new one", async () => {
    const identifier = `stale-${unique()}@demo.example`;
    await database.verificationToken.create({
      data: { identifier, token: `hash-${unique()}`, expires: new Date(Date.now() - hour) },
    });
    await adapter.createVerificationToken!({
      identifier,
      token: `hash-${unique()}`,
      expires: new Date(Date.now() + hour),
    });
    const rows = await database.verificationToken.findMany({ where: { identifier } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.expires.getTime()).toBeGreaterThan(Date.now());
  });

  it("stores a session by its token's hash; next-auth reads it with the stored role and language", async () => {
    const staff = await database.user.create({
      data: { email: `team-${unique()}@demo.example`, role: "privacy_team", locale: "en" },
    });
    const sessionToken = `token-${unique()}`;
    const created = await adapter.createSession!({
      sessionToken,
      userId: staff.id,
      expires: new Date(Date.now() + 99 * hour),
    });
    // The end follows the portal's policy (8 hours), not what next-auth asked for.
    expect(created.expires.getTime()).toBeLessThanOrEqual(Date.now() + 8 * hour);
    const rows = await database.session.findMany({ where: { userId: staff.id } });
    expect(rows.map((r) => r.tokenHash)).toEqual([sessionTokenHash(sessionToken)]);
    expect(JSON.stringify(rows)).not.toContain(sessionToken);

    // Staff sessions reach next-auth once their second factor is proven (the TOTP page).
    await database.session.updateMany({ where: { userId: staff.id }, data: { secondFactorAt: new Date() } });
    const found = await adapter.getSessionAndUser!(sessionToken);
    expect(found?.user).toMatchObject({ id: staff.id, role: "privacy_team", locale: "en" });
    expect(found?.session).toMatchObject({ sessionToken, userId: staff.id });
    expect(await adapter.getSessionAndUser!(`${sessionToken}x`)).toBeNull();
  });

  it("never moves a session's end on update, and forgets it on delete", async () => {
    const user = await database.user.create({ data: { email: `subject-${unique()}@demo.example` } });
    const sessionToken = `token-${unique()}`;
    const created = await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date() });
    const updated = await adapter.updateSession!({ sessionToken, expires: new Date(Date.now() + 30 * 24 * hour) });
    expect(updated?.expires.getTime()).toBe(created.expires.getTime());
    expect((await database.session.findFirstOrThrow({ where: { userId: user.id } })).expires.getTime()).toBe(
      created.expires.getTime(),
    );
    await adapter.deleteSession!(sessionToken);
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
    expect(await database.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("gives next-auth nothing for a session past its end or still owing its second factor", async () => {
    const user = await database.user.create({ data: { email: `dpo-${unique()}@demo.example`, role: "dpo" } });
    const sessionToken = `token-${unique()}`;
    await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date() });
    const nineHoursLater = prismaAdapter(database, DEFAULT_SESSION_POLICY, () => new Date(Date.now() + 9 * hour));
    expect(await nineHoursLater.getSessionAndUser!(sessionToken)).toBeNull();

    const second = `token-${unique()}`;
    await adapter.createSession!({ sessionToken: second, userId: user.id, expires: new Date() });
    // Staff owe one under the default policy; a policy without it lets the same session through.
    const lax: SessionPolicy = {
      ...DEFAULT_SESSION_POLICY,
      dpo: { ...DEFAULT_SESSION_POLICY.dpo, secondFactor: false },
    };
    expect(await prismaAdapter(database, DEFAULT_SESSION_POLICY).getSessionAndUser!(second)).toBeNull();
    expect(await prismaAdapter(database, lax).getSessionAndUser!(second)).not.toBeNull();
    await database.session.updateMany({ where: { userId: user.id }, data: { secondFactorAt: new Date() } });
    expect(await prismaAdapter(database, DEFAULT_SESSION_POLICY).getSessionAndUser!(second)).not.toBeNull();
  });

  it("refuses what the email provider never needs", () => {
    expect(() => adapter.linkAccount!({} as never)).toThrow(/not supported/);
    expect(() => adapter.getUserByAccount!({} as never)).toThrow(/not supported/);
  });
});
