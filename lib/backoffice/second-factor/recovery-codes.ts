// Recovery codes: ten per confirmed enrolment, each good once, for a staff member whose authenticator
// is lost. Shown once as `xxxx-xxxx-xxxx` (12 characters of the RFC 4648 base32 alphabet in lower
// case: no 0/1/8/9 to mistake for letters; 60 random bits), stored only as an HMAC-SHA256 under a key
// derived from NEXTAUTH_SECRET, so neither the table nor a guess at likely codes recovers one.
import { createHmac, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;

/** The canonical form: what is hashed and what typed input is reduced to (./code-input.ts). */
export const RECOVERY_CODE_PATTERN = /^[a-z2-7]{12}$/;

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** `RECOVERY_CODE_COUNT` new codes as shown to the person: `xxxx-xxxx-xxxx`, all different. */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    const code = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    codes.add(code.match(/.{4}/g)!.join("-"));
  }
  return [...codes];
}

/** The stored digest of `code` (shown or canonical form), hex: HMAC-SHA256 under `key` (32 bytes). */
export function recoveryCodeHash(code: string, key: Buffer): string {
  return createHmac("sha256", key)
    .update(`recovery-code:${code.replaceAll("-", "")}`)
    .digest("hex");
}
