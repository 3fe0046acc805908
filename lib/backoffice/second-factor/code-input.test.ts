// What may be typed where the second factor is asked, and the recovery codes' shape and digests.
import { describe, expect, it } from "vitest";
import { parseSecondFactorCode, secondFactorCodeSchema } from "./code-input";
import { newRecoveryCodes, RECOVERY_CODE_COUNT, recoveryCodeHash } from "./recovery-codes";
import { secondFactorKeys } from "./second-factor-keys";

describe("second-factor code input", () => {
  it("reads six digits, with spaces anywhere", () => {
    for (const typed of ["123456", " 123 456 ", "12 34 56", "123456\n"]) {
      expect(parseSecondFactorCode(typed)).toEqual({ kind: "totp", code: "123456" });
    }
  });

  it("reads recovery codes whatever their case, with or without hyphens", () => {
    for (const typed of ["abcd-efgh-2345", "ABCD-EFGH-2345", "abcdefgh2345", "Abcd Efgh 2345"]) {
      expect(parseSecondFactorCode(typed)).toEqual({ kind: "recovery_code", code: "abcdefgh2345" });
    }
  });

  it("refuses anything else, characters the normaliser refuses included", () => {
    for (const typed of [
      "",
      "12345",
      "1234567",
      "12345a",
      "abcd-efgh-2340",
      "abcd-efgh-234",
      "123\u200b456",
      "12\u0000456",
      123456,
      null,
    ]) {
      expect(parseSecondFactorCode(typed)).toBeNull();
    }
    const issue = secondFactorCodeSchema.safeParse("12345").error?.issues[0];
    expect(issue?.message).toBe("invalid_code");
    expect(secondFactorCodeSchema.safeParse("123\u202e456").error?.issues[0]?.message).toBe("invisible_character");
  });
});

describe("recovery codes", () => {
  it("makes ten different codes of 60 bits as xxxx-xxxx-xxxx, which the input reads back", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
      expect(parseSecondFactorCode(code.toUpperCase())).toEqual({
        kind: "recovery_code",
        code: code.replaceAll("-", ""),
      });
    }
  });

  it("digests a code the same shown or canonical, under a key of NEXTAUTH_SECRET's", () => {
    const key = secondFactorKeys("a-test-secret-of-at-least-32-characters!").recoveryCodes;
    const other = secondFactorKeys("another-secret-of-at-least-32-characters").recoveryCodes;
    const digest = recoveryCodeHash("abcd-efgh-2345", key);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeHash("abcdefgh2345", key)).toBe(digest);
    expect(recoveryCodeHash("abcdefgh2345", other)).not.toBe(digest);
  });
});
