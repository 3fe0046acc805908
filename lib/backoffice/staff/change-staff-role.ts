// An admin changes what a staff member may do. It counts from their next request: every page and
// action reads the role from the database (lib/backoffice/access/staff-gate.ts).
import type { StaffManagementContext, StaffStepResult } from "./staff-context";
import type { ChangeRoleInput } from "./staff-forms";
import { mustKeepADpo, staffAccount, StaffStepAbort } from "./staff-guards";
import { runStaffStep } from "./run-staff-step";

/**
 * Gives `input.userId` the role `input.role`. Refuses "not_found", "self" (an admin's own role),
 * "last_dpo" (the only active DPO), "forbidden". Audit: "staff_role_changed" {userId, from, to}.
 */
export async function changeStaffRole(
  context: StaffManagementContext,
  input: ChangeRoleInput,
): Promise<StaffStepResult> {
  return runStaffStep(context, async (tx) => {
    if (input.userId === context.actor.userId) throw new StaffStepAbort("self");
    const account = await staffAccount(tx, input.userId);
    if (input.role !== "dpo") await mustKeepADpo(tx, account);
    await tx.user.update({ where: { id: account.id }, data: { role: input.role } });
    return { event: "staff_role_changed", details: { userId: account.id, from: account.role, to: input.role } };
  });
}
