import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cachedPageFrom, inlineHashes } from "./cached-page";

const sha = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
const options = { development: false, https: false };
const html =
  '<!DOCTYPE html><html><head><script src="/_next/static/a.js" nonce="N1" async=""></script>' +
  '<style nonce="N1">.x{color:red}</style></head><body><p>Ünïcode</p>' +
  '<script nonce="N1">(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script nonce="N1">self.__next_f.push([1,"ä</p>"])</script></body></html>';
const answer = (overrides: Partial<Parameters<typeof cachedPageFrom>[0]> = {}) => ({
  status: 200,
  headers: {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "script-src 'self' 'nonce-N1' 'strict-dynamic'",
    "x-frame-options": "DENY",
    "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
    date: "Mon, 30 Nov 2026 15:00:00 GMT",
    vary: "rsc, next-router-state-tree",
    link: '</_next/static/media/inter.woff2>; rel=preload; as="font"; crossorigin=""; nonce="N1"; type="font/woff2"',
  },
  body: Buffer.from(html),
  ...overrides,
});

describe("cachedPageFrom", () => {
  it("approves exactly the page's inline scripts and styles by hash, and drops the first answer's nonce", () => {
    const page = cachedPageFrom(answer(), options)!;
    const csp = page.headers["content-security-policy"]!;
    const scripts = ["(self.__next_f=self.__next_f||[]).push([0])", 'self.__next_f.push([1,"ä</p>"])'];
    expect(csp).toContain(`script-src 'self' '${sha(scripts[0]!)}' '${sha(scripts[1]!)}';`);
    expect(csp).toContain(`style-src 'self' '${sha(".x{color:red}")}';`);
    expect(csp).not.toMatch(/nonce|unsafe-inline|strict-dynamic/);
    expect(page.body.toString()).not.toContain("nonce");
    expect(page.body.toString()).toContain("<p>Ünïcode</p>");
    expect(page.headers).toMatchObject({ "x-frame-options": "DENY", vary: "rsc, next-router-state-tree" });
    expect(page.headers.link).toBe(
      '</_next/static/media/inter.woff2>; rel=preload; as="font"; crossorigin=""; type="font/woff2"',
    );
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.headers).not.toHaveProperty("date");
  });

  it("hashes no <script src>, however its attributes are written", () => {
    expect(inlineHashes('<script async src="/a.js"></script><SCRIPT>x()</SCRIPT>')).toEqual({
      scriptHashes: [sha("x()")],
      styleHashes: [],
    });
  });

  it("keeps only complete 200 HTML answers that set no cookie and are not encoded for one client", () => {
    expect(cachedPageFrom(answer({ status: 404 }), options)).toBeNull();
    expect(cachedPageFrom(answer({ status: 307 }), options)).toBeNull();
    const headers = answer().headers;
    expect(cachedPageFrom(answer({ headers: { ...headers, "content-type": "text/x-component" } }), options)).toBeNull();
    expect(cachedPageFrom(answer({ headers: { ...headers, "set-cookie": ["a=b"] } }), options)).toBeNull();
    expect(cachedPageFrom(answer({ headers: { ...headers, "content-encoding": "gzip" } }), options)).toBeNull();
  });
});
