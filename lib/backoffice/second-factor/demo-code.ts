// The current code of a demo staff member, for `npm run -s totp -- <address>` (scripts/totp.ts, demo
// mode only): computed from the demo secret, which is derived again rather than read, and given only
// when the stored enrolment really is that secret (someone who enrolled their own app keeps their
// codes to themselves).
import type { Db } from "../../db/client";
import { demoTotpSecret } from "./demo-secret";
import { openSecret, SealedSecretError } from "./sealed-secret";
import type { SecondFactorKeys } from "./second-factor-keys";
import { totpCode } from "./totp";

export type DemoCodeResult =
  { ok: true; code: string } | { ok: false; reason: "not_staff" | "not_enrolled" | "not_demo_secret" };

/**
 * The 6-digit code at `now` of the staff member `email` (canonical form). `not_staff`: no such
 * account, or not staff; `not_enrolled`: no confirmed enrolment; `not_demo_secret`: enrolled with
 * another secret (their own app, or under another NEXTAUTH_SECRET).
 */
export async function demoCode(db: Db, email: string, keys: SecondFactorKeys, now: Date): Promise<DemoCodeResult> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, role: true, staffTotp: { select: { sealedSecret: true, enrolledAt: true } } },
  });
  if (!user?.role) return { ok: false, reason: "not_staff" };
  if (!user.staffTotp?.enrolledAt) return { ok: false, reason: "not_enrolled" };
  const secret = demoTotpSecret(email, keys.demoSecrets);
  try {
    if (openSecret(user.staffTotp.sealedSecret, keys.seal, user.id) !== secret) {
      return { ok: false, reason: "not_demo_secret" };
    }
  } catch (error) {
    if (error instanceof SealedSecretError) return { ok: false, reason: "not_demo_secret" };
    throw error;
  }
  return { ok: true, code: await totpCode(secret, now) };
}
