// The system-chain entries a staff member's own second factor leaves (lib/audit/append-system-entry.ts):
// an enrolment confirmed, a recovery code spent, the limit on wrong codes reached. Each is written in
// the transaction that makes the change it records, which must be one of inSystemChainTransaction.
import { appendSystemAuditEntry } from "../../audit/append-system-entry";
import type { Tx } from "../../db/tx";

export type SecondFactorEvent =
  "second_factor_enrolled" | "second_factor_recovery_code_used" | "second_factor_limit_reached";

/**
 * Appends `event` with `details` for `userId` acting themselves at `now`. Throws when `userId` is not
 * staff (only staff have a second factor), so the caller's transaction rolls back.
 */
export async function appendSecondFactorEntry(
  tx: Tx,
  userId: string,
  event: SecondFactorEvent,
  details: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const { role } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  if (!role) throw new Error("a second-factor event for an account that is not staff");
  await appendSystemAuditEntry(tx, { actor: { type: "staff", userId, role }, event, details, createdAt: now });
}
