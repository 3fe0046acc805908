// The demo staff's TOTP secrets (demo mode only): derived from NEXTAUTH_SECRET and the address, so
// `npm run -s totp -- dpo@demo.example` can print the current code without any stored plaintext,
// and a newcomer signs in as the DPO in under a minute. Anyone who holds NEXTAUTH_SECRET can do the
// same, which is why prisma/seed.ts enrols staff this way only when PORTAL_MODE=demo.
import { createHmac } from "node:crypto";
import { totpSecretOf } from "./totp";

/** The demo secret of `email` (canonical form) under `key` (SecondFactorKeys.demoSecrets): 160 bits, base32. */
export function demoTotpSecret(email: string, key: Buffer): string {
  return totpSecretOf(createHmac("sha256", key).update(`demo-totp:${email}`).digest().subarray(0, 20));
}
