import { describe, expect, it } from "vitest";
import { pageCacheKey } from "./public-pages";

describe("pageCacheKey", () => {
  it("takes the public pages a browser loads", () => {
    for (const path of [
      "/en",
      "/de",
      "/en/privacy",
      "/de/privacy/versions/2023-07",
      "/en/requests/new",
      "/de/requests/new/consent_withdrawal",
    ])
      expect(pageCacheKey("GET", path, { accept: "text/html" }), path).toBe(path);
    expect(pageCacheKey("HEAD", "/en", {})).toBe("/en");
  });

  it("leaves personal pages, queries, actions and the client router's requests to Next.js", () => {
    for (const path of [
      "/en/my/requests",
      "/en/my/requests/DSR-2026-000001",
      "/en/requests/check-email",
      "/en/requests/confirm/DSR-2026-000001",
      "/en/sign-in",
      "/en/demo-mailbox",
      "/en/privacy/versions",
      "/en/privacy?x=1",
      "/en/requests/new/access?x",
      "/fr/privacy",
      "/api/health",
      "/en/privacy/",
    ])
      expect(pageCacheKey("GET", path, {}), path).toBeNull();
    expect(pageCacheKey("POST", "/en/requests/new/access", {})).toBeNull();
    expect(pageCacheKey("GET", "/en/privacy", { rsc: "1" })).toBeNull();
    expect(pageCacheKey("GET", "/en/privacy", { "next-router-prefetch": "1" })).toBeNull();
    expect(pageCacheKey("GET", "/en/requests/new/access", { "next-action": "abc" })).toBeNull();
    expect(pageCacheKey("GET", undefined, {})).toBeNull();
  });
});
