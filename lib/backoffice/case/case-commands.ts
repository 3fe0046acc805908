// Which case commands the back office offers a staff member: exactly those the workflow's rules
// (lib/requests/workflow/rules.ts, the single source) let this role run from this status. Pure.
import { permits, type StaffRole } from "../../requests/workflow/actor";
import type { CommandName } from "../../requests/workflow/commands";
import { rules, statusesFor } from "../../requests/workflow/rules";
import type { RequestStatus } from "../../requests/workflow/states";

/** The commands a person runs from the case file (the rest belong to the subject or the system), in page order. */
export const caseCommands = [
  "assign",
  "start_work",
  "request_information",
  "resume",
  "send_message",
  "extend",
  "announce_fee",
  "complete",
  "partially_complete",
  "refuse",
  "withdraw",
  "reopen",
  "mark_spam",
  "add_note",
] as const satisfies readonly CommandName[];

export type CaseCommand = (typeof caseCommands)[number];

/** The case commands `role` may run while the request is `status` (an auditor's list is always empty). */
export function commandsFor(role: StaffRole, status: RequestStatus): CaseCommand[] {
  const actor = { type: "staff", userId: "", role } as const;
  return caseCommands.filter(
    (name) => permits(rules[name].who, actor) && statusesFor(rules[name], actor).includes(status),
  );
}

export function isCaseCommand(value: unknown): value is CaseCommand {
  return (caseCommands as readonly unknown[]).includes(value);
}

/**
 * Whether `role` may ever run `command` (from some status): a form posted by a role that never may
 * answers 404, as if it did not exist (the authorisation matrix, lib/backoffice/access/surface.ts);
 * one that may, but not from the request's status now, gets the workflow's "not possible" message.
 */
export function mayEverRun(role: StaffRole, command: CaseCommand): boolean {
  return permits(rules[command].who, { type: "staff", userId: "", role });
}
