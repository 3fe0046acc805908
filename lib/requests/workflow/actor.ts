// Who is acting. The rules of each command say which of these may run it.
/**
 * dpo: every case action, refusals, extensions, templates; privacy_team: handles cases (no refusal,
 * no extension, no Art. 12(5) decision); admin: staff accounts and settings only, no subject data;
 * auditor: reads cases and the audit log, changes nothing.
 */
export const staffRoles = ["dpo", "privacy_team", "admin", "auditor"] as const;
export type StaffRole = (typeof staffRoles)[number];

export type Actor =
  | { type: "subject"; userId: string | null }
  /** Someone acting for the subject with their authorisation (e.g. a lawyer or parent). */
  | { type: "agent"; userId: string | null }
  | { type: "staff"; userId: string; role: StaffRole }
  | { type: "system" };

/** The actor kinds a command admits; for staff, the roles. */
export interface Permission {
  subject?: true;
  agent?: true;
  system?: true;
  staff?: readonly StaffRole[];
}

export function permits(permission: Permission, actor: Actor): boolean {
  if (actor.type === "staff") return permission.staff?.includes(actor.role) ?? false;
  return permission[actor.type] === true;
}

export function describeActor(actor: Actor): string {
  return actor.type === "staff" ? `staff (${actor.role})` : actor.type;
}
