import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./csp";

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
