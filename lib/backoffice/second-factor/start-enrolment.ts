// The first half of a staff member's TOTP enrolment: a new secret, stored sealed and not yet
// enrolled (no code is accepted until the first one confirms it, ./confirm-enrolment.ts), and the
// QR code and typed key that put it into an authenticator app. Starting again before confirming
// replaces the pending secret; an enrolled one stays until an admin resets it (./reset-second-factor.ts).
import type { Db } from "../../db/client";
import { enrolmentKey, type EnrolmentKey } from "./enrolment-key";
import { sealSecret } from "./sealed-secret";
import type { SecondFactorContext } from "./second-factor-context";
import { newTotpSecret } from "./totp";

export type StartEnrolmentResult =
  ({ ok: true } & EnrolmentKey) | { ok: false; reason: "not_staff" | "already_enrolled" };

/**
 * Starts the enrolment of `userId` at `now`. `not_staff`: no such user, or a data subject (only staff
 * have a second factor); `already_enrolled`: an enrolment is confirmed, and only a reset ends it.
 */
export async function startEnrolment(
  db: Db,
  userId: string,
  context: SecondFactorContext,
  now: Date = new Date(),
): Promise<StartEnrolmentResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, role: true, locale: true } });
  if (!user?.role) return { ok: false, reason: "not_staff" };
  const secret = newTotpSecret();
  if (!(await storePending(db, userId, sealSecret(secret, context.keys.seal, userId), now))) {
    return { ok: false, reason: "already_enrolled" };
  }
  const issuer = context.issuer[user.locale === "en" ? "en" : "de"];
  return { ok: true, ...(await enrolmentKey(secret, issuer, user.email)) };
}

/** Stores a pending secret unless an enrolled one is there; false when it is. */
async function storePending(db: Db, userId: string, sealedSecret: string, now: Date): Promise<boolean> {
  const pending = { sealedSecret, createdAt: now, lastTimeStep: null };
  // Twice at most: a row another start created between our two statements is pending, and taken the second time.
  for (let attempt = 0; attempt < 2; attempt++) {
    const replaced = await db.staffTotp.updateMany({ where: { userId, enrolledAt: null }, data: pending });
    if (replaced.count === 1) return true;
    try {
      await db.staffTotp.create({ data: { userId, ...pending } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return false;
}
