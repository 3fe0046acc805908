import { describe, expect, it } from "vitest";
import { askedLink } from "./asked-link";

describe("askedLink", () => {
  it("reads back the address and the path a link was asked for", () => {
    expect(askedLink(JSON.stringify({ email: "Jane@Example.org", callbackUrl: "/en/my/requests/DSR-1" }))).toEqual({
      email: "jane@example.org",
      callbackUrl: "/en/my/requests/DSR-1",
    });
  });

  it("leads nowhere but the portal, even from a ticket", () => {
    expect(askedLink(JSON.stringify({ email: "a@example.org", callbackUrl: "https://evil.example/" }))).toEqual({
      email: "a@example.org",
      callbackUrl: "/de/my/requests",
    });
  });

  it.each([null, "", "not json", "null", "42", '"a@example.org"', '{"email":"not an address"}', "{}"])(
    "finds no link in %j",
    (payload) => {
      expect(askedLink(payload)).toBeNull();
    },
  );
});
