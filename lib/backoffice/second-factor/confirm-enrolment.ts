// The second half of an enrolment: the first code from the authenticator app proves the secret
// arrived. It confirms the enrolment, counts as that code's use (its step is the last accepted one),
// proves the second factor in the session it was typed in, and replaces the recovery codes with ten
// new ones, which are returned this once in plain text and stored only as digests. The system audit
// chain records the enrolment in the same transaction.
import { inSystemChainTransaction } from "../../audit/append-system-entry";
import type { Db } from "../../db/client";
import { recordSecondFactor, type SessionOfUser } from "../../auth/sessions/record-second-factor";
import { parseSecondFactorCode } from "./code-input";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";
import { appendSecondFactorEntry } from "./second-factor-audit";
import { openSecret } from "./sealed-secret";
import type { SecondFactorContext } from "./second-factor-context";
import { matchTotp } from "./totp";

export type ConfirmEnrolmentResult =
  { ok: true; recoveryCodes: string[] } | { ok: false; reason: "not_started" | "already_enrolled" | "wrong_code" };

/**
 * Confirms the pending enrolment of `session.userId` with `input` (what was typed: a 6-digit code of
 * the current step or one either side; recovery codes do not count here). `recoveryCodes` are shown
 * as `xxxx-xxxx-xxxx`. Throws SealedSecretError when the stored secret does not open, and when the
 * session row is gone (nothing is stored then).
 */
export async function confirmEnrolment(
  db: Db,
  session: SessionOfUser,
  input: unknown,
  context: SecondFactorContext,
  now: Date = new Date(),
): Promise<ConfirmEnrolmentResult> {
  const { userId } = session;
  const row = await db.staffTotp.findUnique({ where: { userId }, select: { sealedSecret: true, enrolledAt: true } });
  if (!row) return { ok: false, reason: "not_started" };
  if (row.enrolledAt) return { ok: false, reason: "already_enrolled" };
  const code = parseSecondFactorCode(input);
  if (code?.kind !== "totp") return { ok: false, reason: "wrong_code" };
  const step = await matchTotp(openSecret(row.sealedSecret, context.keys.seal, userId), code.code, now);
  if (step === null) return { ok: false, reason: "wrong_code" };

  const recoveryCodes = newRecoveryCodes();
  return inSystemChainTransaction(db, async (tx) => {
    // Only the secret the code was checked against, and only while pending: a new start (another
    // secret) or a confirmation in another tab since then wins.
    const confirmed = await tx.staffTotp.updateMany({
      where: { userId, sealedSecret: row.sealedSecret, enrolledAt: null },
      data: { enrolledAt: now, lastTimeStep: step },
    });
    if (confirmed.count !== 1) {
      const current = await tx.staffTotp.findUnique({ where: { userId }, select: { enrolledAt: true } });
      return { ok: false, reason: current?.enrolledAt ? "already_enrolled" : "wrong_code" } as const;
    }
    await tx.staffRecoveryCode.deleteMany({ where: { userId } });
    await tx.staffRecoveryCode.createMany({
      data: recoveryCodes.map((shown) => ({
        userId,
        codeHash: recoveryCodeHash(shown, context.keys.recoveryCodes),
        createdAt: now,
      })),
    });
    await recordSecondFactor(tx, session, now);
    await appendSecondFactorEntry(tx, userId, "second_factor_enrolled", { recoveryCodes: recoveryCodes.length }, now);
    return { ok: true, recoveryCodes } as const;
  });
}
