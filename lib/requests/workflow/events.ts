// What a transition records. Each becomes one audit entry; `public` ones also
// appear on the data subject's case page (internal ones, e.g. assignment, do not).
import type { CommandName } from "./commands";

export const eventNames = [
  "submitted",
  "verified",
  "expired_unverified",
  "work_started",
  "assigned",
  "information_requested",
  "subject_responded",
  "resumed",
  "message_sent",
  "extended",
  "completed",
  "partially_completed",
  "refused",
  "withdrawn",
  "note_added",
  "fee_announced",
  "fee_accepted",
  "reopened",
  "marked_spam",
] as const;

export type EventName = (typeof eventNames)[number];

export const eventOfCommand: Record<CommandName, EventName> = {
  verify: "verified",
  expire_unverified: "expired_unverified",
  start_work: "work_started",
  assign: "assigned",
  request_information: "information_requested",
  record_subject_response: "subject_responded",
  resume: "resumed",
  send_message: "message_sent",
  extend: "extended",
  complete: "completed",
  partially_complete: "partially_completed",
  refuse: "refused",
  withdraw: "withdrawn",
  add_note: "note_added",
  announce_fee: "fee_announced",
  accept_fee: "fee_accepted",
  reopen: "reopened",
  mark_spam: "marked_spam",
};

// A request marked as spam is minimised and unlinked from any account: nobody is shown the finding.
const internalEvents: ReadonlySet<EventName> = new Set(["assigned", "work_started", "note_added", "marked_spam"]);

export function isPublicEvent(event: EventName): boolean {
  return !internalEvents.has(event);
}

export interface WorkflowEvent {
  event: EventName;
  public: boolean;
  details: Record<string, unknown>;
}
