// Resetting a staff member's second factor (a lost or replaced phone): the secret and the recovery
// codes are deleted, so the next sign-in enrols again, and proofs made with the old factor no longer
// stand in any of their sessions. Only an admin's step runs it (lib/backoffice/staff/: reset, and
// reactivation), in the transaction that writes that step's entry on the system audit chain.
import type { Tx } from "../../db/tx";

/** Resets `userId`'s second factor inside `tx`; `removed`: whether there was an enrolment (confirmed or pending). */
export async function resetSecondFactor(tx: Tx, userId: string): Promise<{ removed: boolean }> {
  await tx.staffRecoveryCode.deleteMany({ where: { userId } });
  const { count } = await tx.staffTotp.deleteMany({ where: { userId } });
  await tx.session.updateMany({ where: { userId, secondFactorAt: { not: null } }, data: { secondFactorAt: null } });
  return { removed: count > 0 };
}
