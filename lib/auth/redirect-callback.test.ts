// next-auth's redirect callback: where a sign-in leads when a client named a place. Its default throws on
// a URL that does not parse (a 500); ours leads only to this portal, and to its start otherwise.
import { afterAll, describe, expect, it } from "vitest";

const saved = { ...process.env };
Object.assign(process.env, {
  NEXTAUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789",
  PUBLIC_URL: "https://privacy.demo.example",
  DATABASE_URL: "file:/tmp/dsr-portal-redirect-callback-unused.db",
});
afterAll(() => {
  process.env = saved;
});

const { authOptions } = await import("./auth-options");

describe("the redirect callback", () => {
  const redirect = authOptions().callbacks!.redirect!;
  const baseUrl = "https://privacy.demo.example";

  it("keeps a path or URL of the portal", async () => {
    expect(await redirect({ url: "/en/my/requests", baseUrl })).toBe("https://privacy.demo.example/en/my/requests");
    expect(await redirect({ url: "https://privacy.demo.example/de", baseUrl })).toBe("https://privacy.demo.example/de");
  });

  it("leads to the portal's start for anything else, without throwing", async () => {
    for (const url of ["http://[", "http://localhost:3000.evil.example/", "https://evil.example/", "//evil.example"]) {
      expect(await redirect({ url, baseUrl })).toBe(baseUrl);
    }
  });
});
