// Next.js's rule against cross-site server actions, applied in front of it: same decisions, but a 403
// from the gate instead of Next.js's 500.
import { describe, expect, it } from "vitest";
import { isActionPost, isCrossOriginAction } from "./action-origin";

describe("isActionPost", () => {
  it("is a POST to a page with a Next-Action header or a multipart body", () => {
    expect(isActionPost("POST", "/de/sign-in", { "next-action": "abc" })).toBe(true);
    expect(isActionPost("POST", "/de/sign-in", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
  });

  it("is not a URL-encoded or text post, another method, or a route handler under /api/", () => {
    expect(isActionPost("POST", "/de/sign-in", { "content-type": "application/x-www-form-urlencoded" })).toBe(false);
    expect(isActionPost("POST", "/de/sign-in", { "content-type": "text/plain" })).toBe(false);
    expect(isActionPost("PUT", "/de/sign-in", { "next-action": "abc" })).toBe(false);
    expect(isActionPost("POST", "/api/auth/signin/email", { "content-type": "multipart/form-data" })).toBe(false);
    // Next.js compares the content type case-sensitively.
    expect(isActionPost("POST", "/de/sign-in", { "content-type": "Multipart/Form-Data; boundary=x" })).toBe(false);
  });
});

describe("isCrossOriginAction", () => {
  const host = { host: "127.0.0.1:3100" };

  it("lets a post from the portal's own origin through, and one without Origin (as Next.js does)", () => {
    expect(isCrossOriginAction({ ...host, origin: "http://127.0.0.1:3100" })).toBe(false);
    expect(isCrossOriginAction(host)).toBe(false);
  });

  it("refuses another origin, Origin: null, and an Origin that does not parse", () => {
    expect(isCrossOriginAction({ ...host, origin: "http://evil.example" })).toBe(true);
    expect(isCrossOriginAction({ ...host, origin: "http://127.0.0.1:3101" })).toBe(true);
    expect(isCrossOriginAction({ ...host, origin: "null" })).toBe(true);
    expect(isCrossOriginAction({ ...host, origin: "http://[" })).toBe(true);
    expect(isCrossOriginAction({ ...host, origin: "" })).toBe(true);
  });

  it("compares with the first X-Forwarded-Host entry when a proxy sent one, else with Host", () => {
    const forwarded = { ...host, "x-forwarded-host": "portal.example, 10.0.0.1" };
    expect(isCrossOriginAction({ ...forwarded, origin: "https://portal.example" })).toBe(false);
    expect(isCrossOriginAction({ ...forwarded, origin: "http://127.0.0.1:3100" })).toBe(true);
    expect(isCrossOriginAction({ "x-forwarded-host": " ", ...host, origin: "http://127.0.0.1:3100" })).toBe(false);
    expect(isCrossOriginAction({ origin: "http://127.0.0.1:3100" })).toBe(true);
  });
});
