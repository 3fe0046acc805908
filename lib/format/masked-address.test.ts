import { describe, expect, it } from "vitest";
import { maskedAddress } from "./masked-address";

describe("maskedAddress", () => {
  it.each([
    ["jane.doe@example.org", "j***@example.org"],
    ["j@example.org", "j***@example.org"],
    // A character outside the Basic Multilingual Plane stays whole.
    ["😀mail@example.org", "😀***@example.org"],
    // The last @ separates the domain ("a@b"@example.org is a valid quoted local part).
    ['"a@b"@example.org', '"***@example.org'],
    ["jörg@bücher.example", "j***@bücher.example"],
    ["no-at-sign", "***"],
    ["@example.org", "***"],
  ])("%s → %s", (email, masked) => {
    expect(maskedAddress(email)).toBe(masked);
  });
});
