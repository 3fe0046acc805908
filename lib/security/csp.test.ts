import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, inlineHash, securityHeaders } from "./csp";

describe("security headers", () => {
  it("creates a fresh unguessable nonce per call", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("allows scripts and styles only with the nonce and forbids framing", () => {
    const csp = contentSecurityPolicy("abc", { development: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("approves a cached page's inline code by its hashes only, never with a nonce or 'unsafe-inline'", () => {
    const csp = contentSecurityPolicy(
      { scriptHashes: [inlineHash("a()")], styleHashes: [] },
      { development: false, https: false },
    );
    expect(csp).toContain(`script-src 'self' '${inlineHash("a()")}';`);
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toMatch(/nonce|unsafe-inline|unsafe-eval/);
    // What `openssl dgst -sha256 -binary | base64` gives for the three bytes "a()".
    expect(inlineHash("a()")).toBe("sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4=");
  });

  it("relaxes only eval, and only in development", () => {
    expect(contentSecurityPolicy("abc", { development: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("abc", { development: false, https: false })).not.toContain(
      "upgrade-insecure-requests",
    );
  });

  it("sends HSTS only when asked to (production behind HTTPS)", () => {
    expect(securityHeaders({ hsts: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ hsts: false })).not.toHaveProperty("Strict-Transport-Security");
  });
});
