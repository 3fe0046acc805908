// An admin deactivates a staff account: its sessions end at once (their rows are deleted, so every
// copy of the cookie is worth nothing) and it signs in no more. Its history stays: the audit trail
// names who did what. Reactivating lets it sign in again; its second factor is enrolled anew.
import { resetSecondFactor } from "../second-factor/reset-second-factor";
import type { StaffManagementContext, StaffStepResult } from "./staff-context";
import { mustKeepADpo, staffAccount, StaffStepAbort } from "./staff-guards";
import { runStaffStep } from "./run-staff-step";

/**
 * Deactivates `userId`. Refuses "not_found", "self", "last_dpo", "forbidden"; deactivating an
 * inactive account changes nothing but is recorded. Audit: "staff_deactivated" {userId, sessionsEnded}.
 */
export async function deactivateStaff(context: StaffManagementContext, userId: string): Promise<StaffStepResult> {
  return runStaffStep(context, async (tx) => {
    if (userId === context.actor.userId) throw new StaffStepAbort("self");
    const account = await staffAccount(tx, userId);
    await mustKeepADpo(tx, account);
    await tx.user.update({ where: { id: account.id }, data: { deactivatedAt: account.deactivatedAt ?? context.now } });
    const ended = await tx.session.deleteMany({ where: { userId: account.id } });
    return { event: "staff_deactivated", details: { userId: account.id, sessionsEnded: ended.count } };
  });
}

/**
 * Lets a deactivated account sign in again, with a new second factor (the old one is deleted: the
 * phone may be gone with the person). Refuses "not_found", "forbidden". Audit: "staff_reactivated".
 */
export async function reactivateStaff(context: StaffManagementContext, userId: string): Promise<StaffStepResult> {
  return runStaffStep(context, async (tx) => {
    const account = await staffAccount(tx, userId);
    await tx.user.update({ where: { id: account.id }, data: { deactivatedAt: null } });
    await resetSecondFactor(tx, account.id);
    return { event: "staff_reactivated", details: { userId: account.id } };
  });
}
