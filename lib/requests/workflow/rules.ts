// Who may run which command from which status. The one table that the state
// machine, the back office's buttons and the tests all read.
import type { Actor, Permission, StaffRole } from "./actor";
import type { CommandName } from "./commands";
import { activeStatuses, type RequestStatus } from "./states";

interface Rule {
  from: readonly RequestStatus[];
  /** The status afterwards; null where the command records an event without changing the status. */
  to: RequestStatus | null;
  who: Permission;
  /** Where the subject's side (subject, agent) may run it from, when that is narrower than `from`. */
  subjectFrom?: readonly RequestStatus[];
  /** Where a staff role may run it from, when that is narrower than `from` for that role. */
  staffFrom?: Partial<Record<StaffRole, readonly RequestStatus[]>>;
}

const caseworkers = ["dpo", "privacy_team"] as const;
/** The statuses in which a request is being answered (states.ts): one list, so a new one reaches every rule. */
const open = activeStatuses;

export const rules: Record<CommandName, Rule> = {
  verify: { from: ["awaiting_verification"], to: "received", who: { subject: true, agent: true, system: true } },
  expire_unverified: { from: ["awaiting_verification"], to: "expired_unverified", who: { system: true } },
  start_work: { from: ["received"], to: "in_progress", who: { staff: caseworkers } },
  assign: { from: open, to: null, who: { staff: caseworkers } },
  request_information: { from: ["received", "in_progress"], to: "awaiting_subject", who: { staff: caseworkers } },
  record_subject_response: { from: ["awaiting_subject"], to: "in_progress", who: { subject: true, agent: true } },
  resume: { from: ["awaiting_subject"], to: "in_progress", who: { staff: caseworkers } },
  // While the team waits for the subject, what the subject writes is the answer (record_subject_response).
  send_message: {
    from: open,
    to: null,
    who: { subject: true, agent: true, staff: caseworkers },
    subjectFrom: ["received", "in_progress", "awaiting_fee"],
  },
  // Deciding to take longer, to refuse, or to refuse in part is the DPO's call.
  extend: { from: open, to: null, who: { staff: ["dpo"] } },
  complete: { from: ["in_progress"], to: "completed", who: { staff: caseworkers } },
  partially_complete: { from: ["in_progress"], to: "partially_completed", who: { staff: ["dpo"] } },
  refuse: { from: open, to: "refused", who: { staff: ["dpo"] } },
  // Art. 12(5)(a): charging a fee is one of the two answers to a manifestly unfounded or excessive request,
  // a decision the DPO takes like a refusal (Art. 12(5)(b)). The subject accepts or withdraws.
  announce_fee: { from: ["received", "in_progress"], to: "awaiting_fee", who: { staff: ["dpo"] } },
  accept_fee: { from: ["awaiting_fee"], to: "in_progress", who: { subject: true, agent: true } },
  // Who may close a case that way may take it up again: the privacy team completes cases, while refusals
  // and partial completions (Art. 12(4), 12(5)) are the DPO's decisions, so only the DPO reverses them.
  reopen: {
    from: ["completed", "partially_completed", "refused"],
    to: "in_progress",
    who: { staff: caseworkers },
    staffFrom: { privacy_team: ["completed"] },
  },
  // Whether something is a data subject's request at all is the DPO's call; the record is minimised.
  mark_spam: { from: ["awaiting_verification", ...open], to: "spam", who: { staff: ["dpo"] } },
  // Staff record a withdrawal that reached them another way (phone, letter).
  withdraw: {
    from: ["awaiting_verification", ...open],
    to: "withdrawn",
    who: { subject: true, agent: true, staff: caseworkers },
  },
  // A note may still explain a closed case afterwards (e.g. why it was refused), but not an
  // unconfirmed or expired one: nobody works on those, and an expired one is minimised.
  add_note: {
    from: [...open, "completed", "partially_completed", "refused", "withdrawn"],
    to: null,
    who: { staff: caseworkers },
  },
};

/** The statuses `actor` may run a command with `rule` from: the subject's or a staff role's narrower list, else `from`. */
export function statusesFor(rule: Rule, actor: Actor): readonly RequestStatus[] {
  if (actor.type === "subject" || actor.type === "agent") return rule.subjectFrom ?? rule.from;
  if (actor.type === "staff") return rule.staffFrom?.[actor.role] ?? rule.from;
  return rule.from;
}
