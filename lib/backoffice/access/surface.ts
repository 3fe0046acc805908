// Every door into the back office (pages, server actions, routes) and what opens it: the one table
// the authorisation matrix test (e2e/authorisation-matrix.spec.ts) walks door by door for every kind
// of viewer, and ARCHITECTURE.md prints (`npm run -s authorisation:table`). The test also lists the
// build's own pages and actions under app/[locale]/backoffice, so a door missing here fails it.
// Pure.
import { staffRoles, type StaffRole } from "../../requests/workflow/actor";
import { commandNames, type CommandName } from "../../requests/workflow/commands";
import { rules } from "../../requests/workflow/rules";
import { may, type Capability } from "./capabilities";

/** What a door needs: a capability (capabilities.ts), a case command's rule (rules.ts), or any staff session. */
export type Access = { capability: Capability } | { command: CommandName } | { staffSession: true };

export type Door =
  | { kind: "page"; path: string; access: Access }
  | { kind: "action"; file: string; name: string; command?: CommandName; access: Access }
  | { kind: "route"; method: "GET" | "POST"; path: string; access: Access };

/** The commands staff run on the case page: every command rules.ts lets some staff role run. */
const staffCommands = commandNames.filter((command) => rules[command].who.staff?.length);

const staffActions = "app/[locale]/backoffice/staff/actions.ts";
const secondFactorActions = "app/[locale]/backoffice/second-factor/actions.ts";
const templateActions = "app/[locale]/backoffice/templates/actions.ts";
const taskActions = "app/[locale]/backoffice/requests/[reference]/task-actions.ts";

export const doors: Door[] = [
  { kind: "page", path: "/{locale}/backoffice", access: { capability: "queue.view" } },
  { kind: "page", path: "/{locale}/backoffice/requests/{reference}", access: { capability: "case.view" } },
  { kind: "page", path: "/{locale}/backoffice/metrics", access: { capability: "metrics.view" } },
  { kind: "page", path: "/{locale}/backoffice/staff", access: { capability: "staff.manage" } },
  { kind: "page", path: "/{locale}/backoffice/templates", access: { capability: "templates.view" } },
  {
    kind: "page",
    path: "/{locale}/backoffice/templates/{action}/{scope}/{language}",
    access: { capability: "templates.view" },
  },
  { kind: "page", path: "/{locale}/backoffice/connectors", access: { capability: "connectors.view" } },
  { kind: "page", path: "/{locale}/backoffice/second-factor", access: { staffSession: true } },
  {
    kind: "action",
    file: "app/[locale]/backoffice/actions.ts",
    name: "revealSubjectAction",
    access: { capability: "subject.reveal" },
  },
  ...staffCommands.map((command): Door => ({
    kind: "action",
    file: "app/[locale]/backoffice/requests/[reference]/actions.ts",
    name: "runCaseStep",
    command,
    access: { command },
  })),
  { kind: "action", file: staffActions, name: "inviteStaffMember", access: { capability: "staff.manage" } },
  { kind: "action", file: staffActions, name: "changeStaffMemberRole", access: { capability: "staff.manage" } },
  { kind: "action", file: staffActions, name: "deactivateStaffMember", access: { capability: "staff.manage" } },
  { kind: "action", file: staffActions, name: "reactivateStaffMember", access: { capability: "staff.manage" } },
  { kind: "action", file: staffActions, name: "resetStaffMemberSecondFactor", access: { capability: "staff.manage" } },
  { kind: "action", file: templateActions, name: "saveNoticeTextAction", access: { capability: "templates.edit" } },
  { kind: "action", file: templateActions, name: "restoreNoticeTextAction", access: { capability: "templates.edit" } },
  {
    kind: "action",
    file: "app/[locale]/backoffice/connectors/actions.ts",
    name: "saveConnectorAction",
    access: { capability: "connectors.edit" },
  },
  { kind: "action", file: taskActions, name: "retryTaskAction", access: { capability: "task.act" } },
  { kind: "action", file: taskActions, name: "markTaskNotApplicableAction", access: { capability: "task.act" } },
  { kind: "action", file: secondFactorActions, name: "startSecondFactorEnrolment", access: { staffSession: true } },
  { kind: "action", file: secondFactorActions, name: "confirmSecondFactorEnrolment", access: { staffSession: true } },
  { kind: "action", file: secondFactorActions, name: "verifySecondFactorCode", access: { staffSession: true } },
  { kind: "route", method: "GET", path: "/api/attachments/{id}", access: { capability: "attachment.open" } },
  { kind: "route", method: "POST", path: "/{locale}/backoffice/register", access: { capability: "register.export" } },
  // The queue's bulk steps run a case command per request (assign; withdraw as a duplicate).
  ...(["assign", "withdraw"] as const).map((command): Door => ({
    kind: "action",
    file: "app/[locale]/backoffice/actions.ts",
    name: "bulkAction",
    command,
    access: { command },
  })),
];

/** The kinds of visitor the matrix tries every door with. */
export const viewers = [
  "signed_out",
  "subject",
  "admin",
  "auditor",
  "privacy_team",
  "dpo",
  /** A DPO whose session has not proven the second factor. */
  "second_factor_pending",
  /** A DPO whose account an admin deactivated (the session row was made before). */
  "deactivated",
] as const;
export type Viewer = (typeof viewers)[number];

/** What a visitor meets at a door: it opens, or 404, or the sign-in page, or the TOTP page. */
export type Outcome = "allowed" | "not_found" | "sign_in" | "second_factor";

/** The staff roles `access` admits (any role holding the capability; a command's staff roles in rules.ts). */
export function rolesFor(access: Access): StaffRole[] {
  if ("staffSession" in access) return [...staffRoles];
  if ("command" in access) return [...(rules[access.command].who.staff ?? [])];
  return staffRoles.filter((role) => may(role, access.capability));
}

/**
 * The outcome the table promises for `viewer` at `door`. A data subject's own attachment opens for
 * them, but that is the public side's door (lib/attachments/open-attachment.ts): here, a subject is
 * someone else's subject. Signed out (or a session ended by deactivation): the sign-in page (a
 * route answers 401). A pending second factor: the TOTP page, which itself opens.
 */
export function expectedOutcome(door: Door, viewer: Viewer): Outcome {
  if (viewer === "signed_out" || viewer === "deactivated") return "sign_in";
  if (viewer === "subject") return "not_found";
  if (viewer === "second_factor_pending") return "staffSession" in door.access ? "allowed" : "second_factor";
  return rolesFor(door.access).includes(viewer) ? "allowed" : "not_found";
}

/** The door's name in the printed table. */
export function doorLabel(door: Door): string {
  if (door.kind === "page") return `page ${door.path}`;
  if (door.kind === "route") return `${door.method} ${door.path}`;
  return `action ${door.name}${door.command ? ` (${door.command})` : ""}`;
}

const cell: Record<Outcome, string> = { allowed: "✓", not_found: "404", sign_in: "sign-in", second_factor: "TOTP" };

/** The table as Markdown, as ARCHITECTURE.md prints it. */
export function authorisationTable(): string {
  const header = `| door | ${viewers.join(" | ")} |`;
  const rule = `|---|${viewers.map(() => "---").join("|")}|`;
  const rows = doors.map(
    (door) => `| ${doorLabel(door)} | ${viewers.map((v) => cell[expectedOutcome(door, v)]).join(" | ")} |`,
  );
  return [header, rule, ...rows].join("\n");
}
