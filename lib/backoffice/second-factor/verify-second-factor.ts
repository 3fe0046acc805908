// Proving the second factor in a session: a code of the staff member's authenticator app, or one of
// their recovery codes. A TOTP code counts only for a time step after the last accepted one (RFC 6238
// §5.2: a code is never accepted twice, not even in another session); a recovery code only once.
// On success the session's `secondFactorAt` is now (lib/auth/sessions/record-second-factor.ts); a
// spent recovery code is recorded on the system audit chain with how many are left.
import { timingSafeEqual } from "node:crypto";
import { inSystemChainTransaction } from "../../audit/append-system-entry";
import type { Db } from "../../db/client";
import { recordSecondFactor, type SessionOfUser } from "../../auth/sessions/record-second-factor";
import { parseSecondFactorCode } from "./code-input";
import { appendSecondFactorEntry } from "./second-factor-audit";
import { recoveryCodeHash } from "./recovery-codes";
import { openSecret } from "./sealed-secret";
import type { SecondFactorContext } from "./second-factor-context";
import { matchTotp } from "./totp";

export type VerifySecondFactorResult =
  | { ok: true; via: "totp" | "recovery_code"; recoveryCodesLeft: number }
  | { ok: false; reason: "not_enrolled" | "wrong_code" | "reused_code" };

const wrongCode = { ok: false, reason: "wrong_code" } as const;
const reusedCode = { ok: false, reason: "reused_code" } as const;

/**
 * Checks `input` (what was typed, any value) for `session.userId` at `now`. `not_enrolled`: no
 * confirmed enrolment (none, or one waiting for its first code), whatever was typed; `wrong_code`:
 * not a code of theirs now (or not a code at all); `reused_code`: a code already accepted (its step
 * was used, or the recovery code was spent), or one that lost to the same code sent at the same time.
 * `recoveryCodesLeft`: unused recovery codes after this. Throws SealedSecretError when the stored
 * secret does not open, and when the session row is gone (no code is spent then).
 */
export async function verifySecondFactor(
  db: Db,
  session: SessionOfUser,
  input: unknown,
  context: SecondFactorContext,
  now: Date = new Date(),
): Promise<VerifySecondFactorResult> {
  const row = await db.staffTotp.findUnique({
    where: { userId: session.userId },
    select: { sealedSecret: true, enrolledAt: true, lastTimeStep: true },
  });
  if (!row?.enrolledAt) return { ok: false, reason: "not_enrolled" };
  const code = parseSecondFactorCode(input);
  if (!code) return wrongCode;
  return code.kind === "totp"
    ? verifyTotp(db, session, code.code, { ...row, key: context.keys.seal }, now)
    : spendRecoveryCode(db, session, recoveryCodeHash(code.code, context.keys.recoveryCodes), now);
}

async function verifyTotp(
  db: Db,
  session: SessionOfUser,
  code: string,
  stored: { sealedSecret: string; lastTimeStep: number | null; key: Buffer },
  now: Date,
): Promise<VerifySecondFactorResult> {
  const secret = openSecret(stored.sealedSecret, stored.key, session.userId);
  const step = await matchTotp(secret, code, now, stored.lastTimeStep);
  // Told apart so the page can say "wait for the next code" rather than "mistyped".
  if (step === null) return (await matchTotp(secret, code, now)) === null ? wrongCode : reusedCode;
  return db.$transaction(async (tx) => {
    // The claim: a step after the last accepted one, on the secret the code was checked against, so
    // of two requests with the same code (or a reset in between) only one can pass.
    const claimed = await tx.staffTotp.updateMany({
      where: {
        userId: session.userId,
        sealedSecret: stored.sealedSecret,
        enrolledAt: { not: null },
        OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: step } }],
      },
      data: { lastTimeStep: step },
    });
    if (claimed.count !== 1) return reusedCode;
    await recordSecondFactor(tx, session, now);
    const recoveryCodesLeft = await tx.staffRecoveryCode.count({ where: { userId: session.userId, usedAt: null } });
    return { ok: true, via: "totp", recoveryCodesLeft } as const;
  });
}

async function spendRecoveryCode(
  db: Db,
  session: SessionOfUser,
  codeHash: string,
  now: Date,
): Promise<VerifySecondFactorResult> {
  const given = Buffer.from(codeHash, "hex");
  return inSystemChainTransaction(db, async (tx) => {
    const codes = await tx.staffRecoveryCode.findMany({
      where: { userId: session.userId },
      select: { id: true, codeHash: true, usedAt: true },
    });
    // Every digest is compared, each in constant time and none skipped after a match, so the time
    // taken does not tell which code (if any) it was.
    let match: (typeof codes)[number] | undefined;
    for (const stored of codes) {
      const digest = Buffer.from(stored.codeHash, "hex");
      if (digest.length === given.length && timingSafeEqual(digest, given)) match = stored;
    }
    if (!match) return wrongCode;
    if (match.usedAt) return reusedCode;
    // Spending is the claim: of two requests with the same code, one finds it already spent.
    const spent = await tx.staffRecoveryCode.updateMany({
      where: { id: match.id, usedAt: null },
      data: { usedAt: now },
    });
    if (spent.count !== 1) return reusedCode;
    await recordSecondFactor(tx, session, now);
    const recoveryCodesLeft = codes.filter((stored) => !stored.usedAt && stored !== match).length;
    await appendSecondFactorEntry(tx, session.userId, "second_factor_recovery_code_used", { recoveryCodesLeft }, now);
    return { ok: true, via: "recovery_code", recoveryCodesLeft } as const;
  });
}
