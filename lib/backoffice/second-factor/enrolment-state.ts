// Where a staff member's enrolment stands, for the TOTP page: nothing yet (offer to set up an app),
// waiting for its first code (show the QR code and the typed key again, so a reload or a phone found
// later does not start afresh), or enrolled (ask for a code). Reading only: a GET never enrols.
import type { Db } from "../../db/client";
import { enrolmentKey, type EnrolmentKey } from "./enrolment-key";
import { openSecret, SealedSecretError } from "./sealed-secret";
import type { SecondFactorContext } from "./second-factor-context";

export type EnrolmentState = { kind: "none" } | ({ kind: "pending" } & EnrolmentKey) | { kind: "enrolled" };

/**
 * The enrolment state of `userId`; a pending one with its key. A pending secret that no longer opens
 * (NEXTAUTH_SECRET changed since it was drawn) counts as none: starting again replaces it.
 */
export async function enrolmentState(db: Db, userId: string, context: SecondFactorContext): Promise<EnrolmentState> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, locale: true, staffTotp: { select: { sealedSecret: true, enrolledAt: true } } },
  });
  const stored = user?.staffTotp;
  if (!user || !stored) return { kind: "none" };
  if (stored.enrolledAt) return { kind: "enrolled" };
  let secret: string;
  try {
    secret = openSecret(stored.sealedSecret, context.keys.seal, userId);
  } catch (error) {
    if (error instanceof SealedSecretError) return { kind: "none" };
    throw error;
  }
  const issuer = context.issuer[user.locale === "en" ? "en" : "de"];
  return { kind: "pending", ...(await enrolmentKey(secret, issuer, user.email)) };
}
