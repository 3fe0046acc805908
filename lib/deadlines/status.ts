// Where a request stands against its deadline, for lists and reminders. "Today" is a day in the
// controller's time zone, like the deadline itself.
import { Temporal } from "temporal-polyfill";
import { dayOf, daysBetween, toInstant } from "./calendar";
import type { Deadline } from "./compute-deadline";
import type { DeadlinePolicy } from "./policy";

export type DeadlineState = "on_track" | "due_soon" | "overdue";

export interface DeadlineStatus {
  /** Calendar days from today (in the policy's time zone) to the due day; 0 on the due day, negative after. */
  daysLeft: number;
  /** overdue once the period has ended (now ≥ dueAt); due_soon when daysLeft ≤ dueSoonDays before that. */
  state: DeadlineState;
}

export function deadlineStatus(
  deadline: Pick<Deadline, "due" | "dueAt">,
  now: Date,
  policy: Pick<DeadlinePolicy, "timeZone" | "dueSoonDays">,
): DeadlineStatus {
  const instant = toInstant(now, "now");
  const daysLeft = daysBetween(dayOf(instant, policy.timeZone), Temporal.PlainDate.from(deadline.due));
  // The end instant decides "overdue", not the day count: the whole due day is still in time.
  const overdue = Temporal.Instant.compare(instant, toInstant(deadline.dueAt, "dueAt")) >= 0;
  const state: DeadlineState = overdue ? "overdue" : daysLeft <= policy.dueSoonDays ? "due_soon" : "on_track";
  return { daysLeft, state };
}
