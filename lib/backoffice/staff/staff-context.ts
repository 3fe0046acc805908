// What a staff-management step needs besides its input. The actor's role was read from the
// database by the staff gate for this request (lib/backoffice/access/staff-gate.ts).
import type { Db } from "../../db/client";
import type { MailSettings } from "../../requests/request-settings";
import type { StaffRole } from "../../requests/workflow/actor";
import type { ClientContext } from "../../security/client-context";

export interface StaffManagementContext {
  db: Db;
  actor: { type: "staff"; userId: string; role: StaffRole };
  /** The actor's address, named in an invitation. */
  actorEmail: string;
  client: ClientContext;
  mail: MailSettings;
  now: Date;
}

/** Why a staff-management step was not taken. */
export type StaffStepRefusal =
  /** The actor's role does not hold "staff.manage" (only admins do). */
  | "forbidden"
  /** No staff account with that id (a data subject's account counts as none). */
  | "not_found"
  /** The invitee is staff already. */
  | "already_staff"
  /** The step would leave no active DPO (Art. 37-39: the controller must have one reachable). */
  | "last_dpo"
  /** An admin does not deactivate or demote themselves (they would lock themselves out). */
  | "self";

export type StaffStepResult = { ok: true } | { ok: false; reason: StaffStepRefusal };
