// What a staff member types where the second factor is asked: the 6 digits of their authenticator
// app or one of their recovery codes. The text goes through the input normaliser first (refused
// characters are refused as everywhere, lib/input/), then spaces and hyphens are dropped, so
// "123 456", "ABCD-EFGH-IJKL" and "abcdefghijkl" all count. Pure: the TOTP page may check in the browser too.
import { z } from "zod";
import { requiredText } from "../../input/schemas";
import { RECOVERY_CODE_PATTERN } from "./recovery-codes";

export type SecondFactorCode = { kind: "totp"; code: string } | { kind: "recovery_code"; code: string };

/** A TOTP code (6 digits) or a recovery code in its canonical form (12 lower-case base32 characters); else the issue `invalid_code`. */
export const secondFactorCodeSchema = requiredText({ max: 64 }).transform((value, ctx): SecondFactorCode => {
  const compact = value.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (RECOVERY_CODE_PATTERN.test(compact)) return { kind: "recovery_code", code: compact };
  ctx.addIssue({ code: "custom", message: "invalid_code" });
  return z.NEVER;
});

/** `input` as a code, or null when it cannot be one (not text, refused characters, wrong shape). */
export function parseSecondFactorCode(input: unknown): SecondFactorCode | null {
  const parsed = secondFactorCodeSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}
