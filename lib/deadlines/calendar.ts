// Calendar days in the controller's time zone. The law counts whole days (Reg. 1182/71 Art. 3), so every
// instant is turned into the day it falls on there, and a day's end is the start of the next day there —
// which is 23 or 25 hours after its start on the nights the clocks change.
import { Temporal } from "temporal-polyfill";

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

// Temporal numbers weekdays 1 (Monday) to 7 (Sunday).
export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function toInstant(date: Date, what: string): Temporal.Instant {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date`);
  return Temporal.Instant.fromEpochMilliseconds(ms);
}

/** The calendar day `instant` falls on in `timeZone`. */
export function dayOf(instant: Temporal.Instant, timeZone: string): Temporal.PlainDate {
  return instant.toZonedDateTimeISO(timeZone).toPlainDate();
}

/** The first instant after `date` has ended in `timeZone`: the start of the next day there. */
export function endOfDay(date: Temporal.PlainDate, timeZone: string): Temporal.ZonedDateTime {
  // toZonedDateTime with no time is the start of that day, even where midnight itself was skipped by DST.
  return date.add({ days: 1 }).toZonedDateTime({ timeZone });
}

export function monthName(date: Temporal.PlainDate): string {
  return MONTH_NAMES[date.month - 1] ?? String(date.month);
}

export function weekdayName(date: Temporal.PlainDate): string {
  return WEEKDAY_NAMES[date.dayOfWeek - 1] ?? String(date.dayOfWeek);
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: Temporal.PlainDate, to: Temporal.PlainDate): number {
  return from.until(to, { largestUnit: "days" }).days;
}
