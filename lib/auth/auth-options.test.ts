// What a session carries (id, address, language and staff role, as stored), that sessions live in
// the database with an end nothing slides forward, and that next-auth is told the portal's own
// address, cookie and link lifetime from the configuration.
import { afterAll, describe, expect, it } from "vitest";

const saved = { ...process.env };
Object.assign(process.env, {
  NEXTAUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789",
  PUBLIC_URL: "https://privacy.demo.example",
  DATABASE_URL: "file:/tmp/dsr-portal-auth-options-unused.db",
  MAGIC_LINK_MAX_AGE_HOURS: "2",
});
afterAll(() => {
  process.env = saved;
});

const { authOptions } = await import("./auth-options");

describe("auth options", () => {
  const options = authOptions();

  it("uses our secret, database sessions that never slide, and next-auth's base URL from PUBLIC_URL", () => {
    expect(options.secret).toBe(process.env.NEXTAUTH_SECRET);
    expect(options.session).toMatchObject({ strategy: "database", maxAge: 8 * 60 * 60, updateAge: 8 * 60 * 60 });
    expect(process.env.NEXTAUTH_URL).toBe("https://privacy.demo.example/api/auth");
    // next-auth merges a provider's `options` over its defaults when it starts.
    expect(options.providers[0]).toMatchObject({ id: "email", options: { maxAge: 2 * 60 * 60 } });
  });

  it("on https, names the session cookie __Secure- and marks it Secure, for next-auth and for our own actions alike", () => {
    expect(options.useSecureCookies).toBe(true);
    expect(options.cookies?.sessionToken).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("puts id, address, language and staff role from the stored user into the session", async () => {
    const user = { id: "u1", email: "dpo@demo.example", emailVerified: new Date(), role: "dpo" as const, locale: "en" };
    const session = await options.callbacks!.session!({
      session: { expires: "2026-12-01T00:00:00Z", user: {} } as never,
      token: {} as never,
      user: user as never,
      newSession: undefined,
      trigger: "update",
    });
    expect(session.user).toEqual({ id: "u1", email: "dpo@demo.example", locale: "en", role: "dpo" });
  });

  it("gives a data subject no role", async () => {
    const user = { id: "u2", email: "anna@demo.example", emailVerified: new Date(), role: null, locale: "de" };
    const session = await options.callbacks!.session!({
      session: { expires: "2026-12-01T00:00:00Z", user: {} } as never,
      token: {} as never,
      user: user as never,
      newSession: undefined,
      trigger: "update",
    });
    expect(session.user).toMatchObject({ id: "u2", role: null, locale: "de" });
  });
});
