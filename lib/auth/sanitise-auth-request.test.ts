// Client-supplied callback URLs reach next-auth only as places of this portal: the examples of issue 10
// (http://[ in the cookie, an unparsable port, another origin) are treated as absent, never thrown on.
import { describe, expect, it } from "vitest";
import { sameOriginUrl } from "./callback-url";
import { sanitiseBody, sanitiseParams, unusableCallbackCookies } from "./sanitise-auth-request";

const base = "http://localhost:3000";

describe("sameOriginUrl", () => {
  it("gives the absolute URL of a path or a URL of the portal's origin", () => {
    expect(sameOriginUrl("/en/my/requests", base)).toBe("http://localhost:3000/en/my/requests");
    expect(sameOriginUrl("http://localhost:3000/de?x=1", base)).toBe("http://localhost:3000/de?x=1");
    expect(sameOriginUrl("/", "https://portal.example/sub")).toBe("https://portal.example/");
  });

  it.each([
    ["http://[", "does not parse"],
    ["http://localhost:3000.evil.example/", "a port that is no port"],
    ["http://localhost:3000@evil.example/", "another host behind user info"],
    ["//evil.example/x", "another origin, protocol-relative"],
    ["/\\evil.example", "a backslash that browsers read as a slash"],
    ["https://localhost:3000/", "another scheme, so another origin"],
    ["javascript:alert(1)", "not http"],
    ["en/my/requests", "relative without a leading slash"],
    ["", "empty"],
    [`/${"a".repeat(3000)}`, "too long"],
  ])("is null for %j (%s)", (value) => {
    expect(sameOriginUrl(value, base)).toBeNull();
  });

  it("is null for what is not text, and for a base that does not parse", () => {
    for (const value of [undefined, null, 5, {}, ["/de"]]) expect(sameOriginUrl(value, base)).toBeNull();
    expect(sameOriginUrl("/de", "not a url")).toBeNull();
  });
});

describe("unusableCallbackCookies", () => {
  it("names both spellings of next-auth's callback-url cookie when they are no place of ours, and nothing else", () => {
    const cookies = [
      { name: "next-auth.callback-url", value: "http://[" },
      { name: "__Secure-next-auth.callback-url", value: "http://localhost:3000.evil.example/" },
      { name: "next-auth.csrf-token", value: "http://[" },
      { name: "other", value: "x" },
    ];
    expect(unusableCallbackCookies(cookies, base)).toEqual([
      "next-auth.callback-url",
      "__Secure-next-auth.callback-url",
    ]);
  });

  it("keeps a usable or empty one", () => {
    const cookies = [
      { name: "next-auth.callback-url", value: "http://localhost:3000/de" },
      { name: "__Secure-next-auth.callback-url", value: "" },
    ];
    expect(unusableCallbackCookies(cookies, base)).toEqual([]);
  });
});

describe("sanitiseParams", () => {
  it("leaves a query without callbackUrl, or with a usable one, alone", () => {
    expect(sanitiseParams(new URLSearchParams("token=abc"), base)).toBeNull();
    expect(sanitiseParams(new URLSearchParams({ callbackUrl: "http://localhost:3000/de" }), base)).toBeNull();
    expect(sanitiseParams(new URLSearchParams({ callbackUrl: "/en/my/requests" }), base)).toBeNull();
  });

  it("drops a callbackUrl that does not parse or leads elsewhere, keeping the rest", () => {
    for (const bad of ["http://[", "http://localhost:3000.evil.example/", "https://evil.example/"]) {
      const safe = sanitiseParams(new URLSearchParams({ token: "abc", callbackUrl: bad, email: "a@b.de" }), base);
      expect(safe?.toString()).toBe("token=abc&email=a%40b.de");
    }
  });

  it("keeps the last value, the one next-auth reads, when it is usable", () => {
    const safe = sanitiseParams(
      new URLSearchParams([
        ["callbackUrl", "http://["],
        ["callbackUrl", "/en"],
      ]),
      base,
    );
    expect(safe?.getAll("callbackUrl")).toEqual(["/en"]);
    const dropped = sanitiseParams(
      new URLSearchParams([
        ["callbackUrl", "/en"],
        ["callbackUrl", "http://["],
      ]),
      base,
    );
    expect(dropped?.has("callbackUrl")).toBe(false);
  });
});

describe("sanitiseBody", () => {
  it("drops a bad callbackUrl from a form post to /api/auth/signin/email", () => {
    const body = "email=a%40b.de&callbackUrl=http%3A%2F%2Flocalhost%3A3000.evil.example%2F&csrfToken=t";
    expect(sanitiseBody("application/x-www-form-urlencoded", body, base)).toEqual({
      kind: "replaced",
      text: "email=a%40b.de&csrfToken=t",
    });
    expect(sanitiseBody("application/x-www-form-urlencoded", "email=a%40b.de", base)).toEqual({ kind: "unchanged" });
  });

  it("refuses JSON that does not parse, and keeps only the text fields of JSON that does", () => {
    expect(sanitiseBody("application/json", "{bad", base)).toEqual({ kind: "malformed" });
    expect(sanitiseBody("application/json; charset=utf-8", '{"email":"a@b.de","callbackUrl":5,"x":{}}', base)).toEqual({
      kind: "replaced",
      text: '{"email":"a@b.de"}',
    });
    expect(sanitiseBody("application/json", "[1,2]", base)).toEqual({ kind: "replaced", text: "{}" });
    expect(sanitiseBody("application/json", "null", base)).toEqual({ kind: "replaced", text: "{}" });
    expect(sanitiseBody("application/json", '{"csrfToken":"t"}', base)).toEqual({ kind: "unchanged" });
  });

  it("leaves bodies next-auth does not read alone", () => {
    expect(sanitiseBody("text/plain", "{bad", base)).toEqual({ kind: "unchanged" });
    expect(sanitiseBody(null, "callbackUrl=http://[", base)).toEqual({ kind: "unchanged" });
  });
});
