// What a session carries: id, address, language and staff role, fixed at sign-in; and next-auth
// told the portal's own address and link lifetime from the configuration.
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

  it("uses our secret, JWT sessions, and next-auth's base URL from PUBLIC_URL", () => {
    expect(options.secret).toBe(process.env.NEXTAUTH_SECRET);
    expect(options.session?.strategy).toBe("jwt");
    expect(process.env.NEXTAUTH_URL).toBe("https://privacy.demo.example/api/auth");
    // next-auth merges a provider's `options` over its defaults when it starts.
    expect(options.providers[0]).toMatchObject({ id: "email", options: { maxAge: 2 * 60 * 60 } });
  });

  it("puts id, address, language and staff role into the token at sign-in, and into the session", async () => {
    const user = { id: "u1", email: "dpo@demo.example", emailVerified: new Date(), role: "dpo" as const, locale: "en" };
    const token = await options.callbacks!.jwt!({
      token: { email: user.email },
      user,
      account: null,
      trigger: "signIn",
    });
    expect(token).toMatchObject({ sub: "u1", email: "dpo@demo.example", role: "dpo", locale: "en" });

    const session = await options.callbacks!.session!({
      session: { expires: "2026-12-01T00:00:00Z", user: {} } as never,
      token,
      user: user as never,
      newSession: undefined,
      trigger: "update",
    });
    expect(session.user).toEqual({ id: "u1", email: "dpo@demo.example", locale: "en", role: "dpo" });
  });

  it("gives a data subject no role", async () => {
    const user = { id: "u2", email: "anna@demo.example", emailVerified: new Date(), role: null, locale: "de" };
    const token = await options.callbacks!.jwt!({ token: {}, user, account: null });
    expect(token).toMatchObject({ sub: "u2", role: null, locale: "de" });
  });
});
