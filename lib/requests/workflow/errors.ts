// Why a transition was refused: typed, so the back office can explain it and tests
// can assert the exact rule that forbade it.
import type { Actor } from "./actor";
import type { CommandName } from "./commands";
import type { RequestStatus } from "./states";

export type WorkflowError =
  | { code: "invalid_input"; command: CommandName; issues: string[] }
  | { code: "not_allowed_in_status"; command: CommandName; status: RequestStatus }
  | { code: "actor_not_permitted"; command: CommandName; actor: Actor["type"]; role?: string }
  /** Art. 12(3): the subject must be told of an extension within the first month. */
  | { code: "extension_too_late"; firstDue: string }
  | { code: "already_extended"; extendedAt: string }
  /** Art. 12(4): a refusal needs reasons, the complaint right and the judicial remedy. */
  | { code: "refusal_incomplete"; missing: Array<"reasons" | "complaint_right" | "judicial_remedy"> }
  | { code: "open_fulfilment_tasks"; open: number }
  | { code: "verification_window_open"; expiresAt: string }
  /** A closed case may be reopened only within REOPEN_DAYS of its closing. */
  | { code: "reopen_window_closed"; closedAt: string; until: string; days: number };

export function describeWorkflowError(error: WorkflowError): string {
  switch (error.code) {
    case "invalid_input":
      return `Invalid input for ${error.command}: ${error.issues.join("; ")}`;
    case "not_allowed_in_status":
      return `${error.command} is not possible while the request is ${error.status}`;
    case "actor_not_permitted":
      return `${error.role ? `${error.actor} (${error.role})` : error.actor} may not ${error.command}`;
    case "extension_too_late":
      return `An extension must be notified within the first month (Art. 12(3) GDPR); that month ended on ${error.firstDue}`;
    case "already_extended":
      return `The deadline was already extended on ${error.extendedAt}; Art. 12(3) allows one extension of two months`;
    case "refusal_incomplete":
      return `A refusal must state ${error.missing.join(", ")} (Art. 12(4) GDPR)`;
    case "open_fulfilment_tasks":
      return `${error.open} fulfilment task(s) are still open`;
    case "verification_window_open":
      return `The subject can still confirm the request until ${error.expiresAt}`;
    case "reopen_window_closed":
      return `The case closed on ${error.closedAt}; it could be reopened for ${error.days} days, until ${error.until}`;
  }
}
