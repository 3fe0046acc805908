// The states a request passes through (see ARCHITECTURE.md for the drawing). An
// extension is not a state: it is an event on an open request (Art. 12(3)).
export const requestStatuses = [
  "awaiting_verification", // submitted, email not yet confirmed: no legal clock yet
  "received", // confirmed: the one-month period of Art. 12(3) runs from here
  "in_progress",
  "awaiting_subject", // information or identity proof requested (Art. 12(6))
  // A fee for a manifestly unfounded or excessive request was announced (Art. 12(5)(a)); the subject
  // accepts it or withdraws. The legal clock keeps running (nothing in Art. 12 pauses it).
  "awaiting_fee",
  "completed",
  "partially_completed", // part granted, the rest refused with the Art. 12(4) parts
  "refused", // with reasons, complaint right and judicial remedy (Art. 12(4))
  "withdrawn",
  "expired_unverified", // never confirmed within the window; the record is minimised
  "spam", // not a data subject's request at all (DPO's finding); minimised like expired_unverified
] as const;

export type RequestStatus = (typeof requestStatuses)[number];

export const closedStatuses = [
  "completed",
  "partially_completed",
  "refused",
  "withdrawn",
  "expired_unverified",
  "spam",
] as const satisfies readonly RequestStatus[];

/** Verified and not yet answered: the statuses in which the legal clock matters. */
export const activeStatuses = [
  "received",
  "in_progress",
  "awaiting_subject",
  "awaiting_fee",
] as const satisfies readonly RequestStatus[];

export function isClosed(status: RequestStatus): boolean {
  return (closedStatuses as readonly RequestStatus[]).includes(status);
}
