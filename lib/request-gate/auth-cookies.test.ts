// A callback-url cookie next-auth cannot parse made every page asking for the session answer 500: the
// gate removes it, and leaves every other cookie as it came.
import { describe, expect, it } from "vitest";
import { withoutUnparsableCallbackCookies } from "./auth-cookies";

describe("withoutUnparsableCallbackCookies", () => {
  it("removes both spellings of the cookie when the value does not parse, or does not even percent-decode", () => {
    expect(withoutUnparsableCallbackCookies("a=1; next-auth.callback-url=http%3A%2F%2F%5B; b=2")).toBe("a=1; b=2");
    expect(withoutUnparsableCallbackCookies("__Secure-next-auth.callback-url=http://[")).toBe("");
    expect(withoutUnparsableCallbackCookies("next-auth.callback-url=%E0%A4%A;x=%zz")).toBe("x=%zz");
    expect(
      withoutUnparsableCallbackCookies("next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000.evil.example%2F"),
    ).toBe("");
    expect(withoutUnparsableCallbackCookies("next-auth.callback-url=javascript%3Aalert(1)")).toBe("");
  });

  it("leaves a header alone when every callback-url cookie parses (another origin included: next-auth's redirect callback judges that)", () => {
    for (const header of [
      "next-auth.callback-url=http%3A%2F%2F127.0.0.1%3A3100",
      "next-auth.callback-url=%2Fde%2Fmy%2Frequests; other=http://[",
      "next-auth.callback-url=https%3A%2F%2Fevil.example%2F",
      "garbage;;; =; %%%",
    ]) {
      expect(withoutUnparsableCallbackCookies(header)).toBeNull();
    }
  });
});
