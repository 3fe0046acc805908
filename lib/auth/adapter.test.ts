// The adapter on real SQLite and PostgreSQL: users by lower-cased address, and magic-link
// tokens that work once, only before they expire, and only for the address they were sent to.
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../db/client";
import { prismaAdapter } from "./adapter";

const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

const hour = 60 * 60 * 1000;

describe.each(inject("testDatabases"))("next-auth adapter on $flavor", ({ url, flavor }) => {
  const database = createDb(url);
  clients.push(database);
  const adapter = prismaAdapter(database);
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

    const later = prismaAdapter(database, () => new Date(Date.now() + 2 * hour));
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

  it("refuses what the email provider never needs", () => {
    expect(() => adapter.linkAccount!({} as never)).toThrow(/not supported/);
    expect(() => adapter.createSession!({} as never)).toThrow(/not supported/);
  });
});
