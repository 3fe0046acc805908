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
};

const internalEvents: ReadonlySet<EventName> = new Set(["assigned", "work_started", "note_added"]);

export function isPublicEvent(event: EventName): boolean {
  return !internalEvents.has(event);
}

export interface WorkflowEvent {
  event: EventName;
  public: boolean;
  details: Record<string, unknown>;
}
