// An admin's reset of a staff member's second factor (a lost or replaced phone): the secret and the
// recovery codes are deleted, so the next sign-in enrols again, and proofs made with the old factor
// no longer stand in any of their sessions. The reset is recorded on the system audit chain in the
// same transaction (issue 13: re-enrolment by an admin leaves an audit entry).
import { appendSystemAuditEntry } from "../../audit/append-system-entry";
import type { Tx } from "../../db/tx";
import type { Actor } from "../../requests/workflow/actor";

export interface ResetBy {
  /** Who resets (the admin). */
  actor: Actor;
  ip?: string | null;
  userAgent?: string | null;
  now: Date;
}

/**
 * Resets `userId`'s second factor inside `tx`, which must be one of inSystemChainTransaction
 * (lib/audit/append-system-entry.ts): the entry `second_factor_reset` (details: userId, removed) is
 * written with it. `removed`: whether there was an enrolment (confirmed or pending).
 */
export async function resetSecondFactor(tx: Tx, userId: string, by: ResetBy): Promise<{ removed: boolean }> {
  await tx.staffRecoveryCode.deleteMany({ where: { userId } });
  const { count } = await tx.staffTotp.deleteMany({ where: { userId } });
  await tx.session.updateMany({ where: { userId, secondFactorAt: { not: null } }, data: { secondFactorAt: null } });
  const removed = count > 0;
  await appendSystemAuditEntry(tx, {
    actor: by.actor,
    event: "second_factor_reset",
    details: { userId, removed },
    ip: by.ip,
    userAgent: by.userAgent,
    createdAt: by.now,
  });
  return { removed };
}
