// Checks shared by the staff-management steps, inside their transaction.
import type { Tx } from "../../db/tx";
import type { StaffRole } from "../../requests/workflow/actor";
import { may } from "../access/capabilities";
import type { StaffManagementContext, StaffStepRefusal } from "./staff-context";

export interface StaffAccount {
  id: string;
  email: string;
  role: StaffRole;
  deactivatedAt: Date | null;
}

/** Thrown inside a step's transaction to roll it back with a refusal. */
export class StaffStepAbort extends Error {
  constructor(readonly reason: StaffStepRefusal) {
    super(reason);
  }
}

/** Refuses unless the actor holds "staff.manage". */
export function mustManageStaff(context: StaffManagementContext): void {
  if (!may(context.actor.role, "staff.manage")) throw new StaffStepAbort("forbidden");
}

/** The staff account `userId`, or a "not_found" refusal (a data subject's account is not one). */
export async function staffAccount(tx: Tx, userId: string): Promise<StaffAccount> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, deactivatedAt: true },
  });
  if (!user?.role) throw new StaffStepAbort("not_found");
  return { ...user, role: user.role };
}

/**
 * Refuses when `account` is the only active DPO and the step would take that away (a new role, or
 * deactivation): the controller must keep a DPO who can act (Art. 37-39 GDPR).
 */
export async function mustKeepADpo(tx: Tx, account: StaffAccount): Promise<void> {
  if (account.role !== "dpo" || account.deactivatedAt) return;
  const others = await tx.user.count({ where: { role: "dpo", deactivatedAt: null, id: { not: account.id } } });
  if (others === 0) throw new StaffStepAbort("last_dpo");
}
