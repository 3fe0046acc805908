// The TOTP page's two code steps with the abuse limit on wrong codes (lib/security/rate-limit.ts,
// `second_factor_user`, keyed on the staff member): a six-digit code has a million values, so
// guessing is slowed to a handful per window, across all of the person's sessions. Only wrong (or
// reused) codes count, and only those shaped like a code; once the limit is used up every code is refused until the window ends, a right
// one too, so a guesser cannot tell a hit. The attempt that uses it up is recorded on the system
// audit chain (`second_factor_limit_reached`).
import { inSystemChainTransaction } from "../../audit/append-system-entry";
import type { SessionOfUser } from "../../auth/sessions/record-second-factor";
import type { Db } from "../../db/client";
import { consumeLimits, limitStanding, type RateLimitContext } from "../../security/rate-limit";
import { limitWindowSeconds } from "../../security/rate-limit-settings";
import { parseSecondFactorCode } from "./code-input";
import { confirmEnrolment, type ConfirmEnrolmentResult } from "./confirm-enrolment";
import { appendSecondFactorEntry } from "./second-factor-audit";
import type { SecondFactorContext } from "./second-factor-context";
import { verifySecondFactor, type VerifySecondFactorResult } from "./verify-second-factor";

export interface CodeAttemptSettings {
  secondFactor: SecondFactorContext;
  rateLimits: RateLimitContext;
}

/** Too many wrong codes this window: nothing was checked; try again after `retryAfterSeconds`. */
export type Limited = { ok: false; reason: "limited"; retryAfterSeconds: number };

const LIMIT = "second_factor_user";

/** verifySecondFactor (./verify-second-factor.ts) within the limit on wrong codes. */
export function verifyWithinLimit(
  db: Db,
  session: SessionOfUser,
  input: unknown,
  settings: CodeAttemptSettings,
  now: Date = new Date(),
): Promise<VerifySecondFactorResult | Limited> {
  return withinLimit(db, session.userId, input, settings.rateLimits, now, () =>
    verifySecondFactor(db, session, input, settings.secondFactor, now),
  );
}

/** confirmEnrolment (./confirm-enrolment.ts) within the same limit: the first code counts like any other. */
export function confirmWithinLimit(
  db: Db,
  session: SessionOfUser,
  input: unknown,
  settings: CodeAttemptSettings,
  now: Date = new Date(),
): Promise<ConfirmEnrolmentResult | Limited> {
  return withinLimit(db, session.userId, input, settings.rateLimits, now, () =>
    confirmEnrolment(db, session, input, settings.secondFactor, now),
  );
}

async function withinLimit<R extends { ok: true } | { ok: false; reason: string }>(
  db: Db,
  userId: string,
  input: unknown,
  rateLimits: RateLimitContext,
  now: Date,
  attempt: () => Promise<R>,
): Promise<R | Limited> {
  const standing = await limitStanding(db, { limit: LIMIT, key: userId }, rateLimits);
  if (!standing.ok) return { ok: false, reason: "limited", retryAfterSeconds: standing.retryAfterSeconds };
  const result = await attempt();
  if (result.ok || (result.reason !== "wrong_code" && result.reason !== "reused_code")) return result;
  // Something that is no code at all (empty, letters, the wrong length) guesses nothing: it is refused
  // as wrong without spending an attempt, so a slip of the keyboard costs none of the handful.
  if (parseSecondFactorCode(input) === null) return result;
  const after = await countWrongCode(db, userId, rateLimits, now);
  return after.ok ? result : { ok: false, reason: "limited", retryAfterSeconds: after.retryAfterSeconds };
}

/** Counts one wrong code of `userId`; the attempt that uses the limit up is audited. */
async function countWrongCode(db: Db, userId: string, rateLimits: RateLimitContext, now: Date) {
  const counted = await consumeLimits(db, [{ limit: LIMIT, key: userId }], rateLimits);
  const standing = await limitStanding(db, { limit: LIMIT, key: userId }, rateLimits);
  // Counted within the limit but now at it: this attempt used it up (a refused count was over already).
  if (counted.ok && !standing.ok) {
    await inSystemChainTransaction(db, (tx) =>
      appendSecondFactorEntry(
        tx,
        userId,
        "second_factor_limit_reached",
        { wrongCodes: rateLimits.points[LIMIT], windowMinutes: limitWindowSeconds(LIMIT, rateLimits) / 60 },
        now,
      ),
    );
  }
  return standing;
}
