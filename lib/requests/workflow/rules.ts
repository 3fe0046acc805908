// Who may run which command from which status. The one table that the state
// machine, the back office's buttons and the tests all read.
import type { Permission } from "./actor";
import type { CommandName } from "./commands";
import type { RequestStatus } from "./states";

interface Rule {
  from: readonly RequestStatus[];
  /** The status afterwards; null where the command records an event without changing the status. */
  to: RequestStatus | null;
  who: Permission;
  /** Where the subject's side (subject, agent) may run it from, when that is narrower than `from`. */
  subjectFrom?: readonly RequestStatus[];
}

const caseworkers = ["dpo", "privacy_team"] as const;
const open = ["received", "in_progress", "awaiting_subject"] as const;

export const rules: Record<CommandName, Rule> = {
  verify: { from: ["awaiting_verification"], to: "received", who: { subject: true, agent: true, system: true } },
  expire_unverified: { from: ["awaiting_verification"], to: "expired_unverified", who: { system: true } },
  start_work: { from: ["received"], to: "in_progress", who: { staff: caseworkers } },
  assign: { from: ["received", "in_progress", "awaiting_subject"], to: null, who: { staff: caseworkers } },
  request_information: { from: ["received", "in_progress"], to: "awaiting_subject", who: { staff: caseworkers } },
  record_subject_response: { from: ["awaiting_subject"], to: "in_progress", who: { subject: true, agent: true } },
  resume: { from: ["awaiting_subject"], to: "in_progress", who: { staff: caseworkers } },
  // While the team waits for the subject, what the subject writes is the answer (record_subject_response).
  send_message: {
    from: open,
    to: null,
    who: { subject: true, agent: true, staff: caseworkers },
    subjectFrom: ["received", "in_progress"],
  },
  // Deciding to take longer, to refuse, or to refuse in part is the DPO's call.
  extend: { from: open, to: null, who: { staff: ["dpo"] } },
  complete: { from: ["in_progress"], to: "completed", who: { staff: caseworkers } },
  partially_complete: { from: ["in_progress"], to: "partially_completed", who: { staff: ["dpo"] } },
  refuse: { from: open, to: "refused", who: { staff: ["dpo"] } },
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
