// Sessions on real SQLite and PostgreSQL: only the token's digest is stored; reading checks the
// absolute end and idle timeout and forgets dead sessions; sign-out ends one session, "sign out
// everywhere" all of a user's, and a copy of an ended session's cookie is worth nothing.
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { createSession } from "./create-session";
import { endAllSessions, endSession } from "./end-sessions";
import { readSession } from "./read-session";
import { DEFAULT_SESSION_POLICY } from "./session-policy";
import { sessionTokenHash } from "./session-token";

const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

const policy = DEFAULT_SESSION_POLICY;
const minute = 60_000;

describe.each(inject("testDatabases"))("sessions on $flavor", ({ url, flavor }) => {
  const db = createDb(url);
  clients.push(db);
  const unique = () => `${flavor}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const user = (role: "dpo" | null = null) =>
    db.user.create({ data: { email: `s-${unique()}@demo.example`, role, locale: "en" } });

  it("stores only the digest of the cookie's token, and finds the session by the token", async () => {
    const anna = await user();
    const now = new Date();
    const session = await createSession(db, anna, policy, now);
    expect(session.token).toMatch(/^[0-9a-f]{64}$/);
    expect(session.expires.getTime()).toBe(now.getTime() + 8 * 60 * minute);
    const rows = await db.session.findMany({ where: { userId: anna.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(sessionTokenHash(session.token));
    expect(JSON.stringify(rows)).not.toContain(session.token);

    expect(await readSession(db, session.token, policy, now)).toMatchObject({
      userId: anna.id,
      email: anna.email,
      locale: "en",
      role: null,
      secondFactor: "not_required",
    });
    expect(await readSession(db, sessionTokenHash(session.token), policy, now)).toBeNull();
    expect(await readSession(db, null, policy, now)).toBeNull();
    expect(await readSession(db, "x".repeat(10_000), policy, now)).toBeNull();
  });

  it("ends a session at its absolute end however often it is used, and forgets it", async () => {
    const anna = await user();
    const start = new Date();
    const session = await createSession(db, anna, policy, start);
    for (let hour = 1; hour < 8; hour++) {
      expect(
        await readSession(db, session.token, policy, new Date(start.getTime() + hour * 60 * minute)),
      ).not.toBeNull();
    }
    expect(await readSession(db, session.token, policy, new Date(start.getTime() + 8 * 60 * minute))).toBeNull();
    expect(await db.session.count({ where: { userId: anna.id } })).toBe(0);
  });

  it("ends a staff session after 30 idle minutes, and moves its last use on while it is used", async () => {
    const dpo = await user("dpo");
    const start = new Date();
    const session = await createSession(db, dpo, policy, start);
    // Used every 20 minutes: never idle for 30.
    for (let step = 1; step <= 5; step++) {
      expect(
        await readSession(db, session.token, policy, new Date(start.getTime() + step * 20 * minute)),
      ).not.toBeNull();
    }
    const row = await db.session.findFirstOrThrow({ where: { userId: dpo.id } });
    expect(row.lastSeenAt.getTime()).toBe(start.getTime() + 100 * minute);
    expect(await readSession(db, session.token, policy, new Date(start.getTime() + 131 * minute))).toBeNull();
    expect(await db.session.count({ where: { userId: dpo.id } })).toBe(0);
  });

  it("sign-out ends one session; sign out everywhere ends them all", async () => {
    const anna = await user();
    const now = new Date();
    const [laptop, phone, tablet] = await Promise.all([1, 2, 3].map(() => createSession(db, anna, policy, now)));
    expect(await endSession(db, laptop!.token)).toBe(1);
    expect(await readSession(db, laptop!.token, policy, now)).toBeNull();
    expect(await readSession(db, phone!.token, policy, now)).not.toBeNull();
    expect(await endAllSessions(db, anna.id)).toBe(2);
    expect(await readSession(db, phone!.token, policy, now)).toBeNull();
    expect(await readSession(db, tablet!.token, policy, now)).toBeNull();
    expect(await endSession(db, null)).toBe(0);
  });
});
