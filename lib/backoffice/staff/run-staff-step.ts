// Every staff-management step runs the same way: in one transaction on the system audit chain
// (so concurrent steps take turns and "the last DPO" is counted by one step at a time), with its
// audit entry in that transaction, and a refusal rolling everything back.
import { appendSystemAuditEntry, inSystemChainTransaction } from "../../audit/append-system-entry";
import type { Tx } from "../../db/tx";
import type { StaffManagementContext, StaffStepResult } from "./staff-context";
import { mustManageStaff, StaffStepAbort } from "./staff-guards";

export interface StaffStepEvent {
  /** e.g. "staff_invited", "staff_role_changed". */
  event: string;
  details: Record<string, unknown>;
}

/** Runs `step` (which returns the audit event it made) for `context.actor`, an admin. */
export async function runStaffStep(
  context: StaffManagementContext,
  step: (tx: Tx) => Promise<StaffStepEvent>,
): Promise<StaffStepResult> {
  try {
    await inSystemChainTransaction(context.db, async (tx) => {
      mustManageStaff(context);
      const { event, details } = await step(tx);
      await appendSystemAuditEntry(tx, {
        actor: context.actor,
        event,
        details,
        ip: context.client.ip,
        userAgent: context.client.userAgent,
        createdAt: context.now,
      });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof StaffStepAbort) return { ok: false, reason: error.reason };
    throw error;
  }
}
