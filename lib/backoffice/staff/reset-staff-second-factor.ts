// An admin resets a staff member's second factor (a lost or replaced phone): their next sign-in
// enrols anew, and no session of theirs counts as proven until then (../second-factor/reset-second-factor.ts).
import { resetSecondFactor } from "../second-factor/reset-second-factor";
import type { StaffManagementContext, StaffStepResult } from "./staff-context";
import { staffAccount } from "./staff-guards";
import { runStaffStep } from "./run-staff-step";

/** Resets `userId`'s TOTP and recovery codes. Refuses "not_found", "forbidden". Audit: "second_factor_reset" {userId, removed}. */
export async function resetStaffSecondFactor(
  context: StaffManagementContext,
  userId: string,
): Promise<StaffStepResult> {
  return runStaffStep(context, async (tx) => {
    const account = await staffAccount(tx, userId);
    const { removed } = await resetSecondFactor(tx, account.id);
    return { event: "second_factor_reset", details: { userId: account.id, removed } };
  });
}
