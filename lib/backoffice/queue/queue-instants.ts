// The instants the queue's filters and dashboard compare with, counted as the deadline engine
// counts (lib/deadlines): days in the controller's time zone, a due day ending at the start of the
// next day there. Pure.
import { Temporal } from "temporal-polyfill";
import { dayOf, endOfDay, toInstant } from "../../deadlines/calendar";

const toDate = (zoned: Temporal.ZonedDateTime) => new Date(zoned.epochMilliseconds);

/** Today in `timeZone`. */
export function today(now: Date, timeZone: string): Temporal.PlainDate {
  return dayOf(toInstant(now, "now"), timeZone);
}

/**
 * The latest dueAt whose days left are at most `days` (lib/deadlines/status.ts: daysLeft counts
 * calendar days from today to the due day, and dueAt is the end of the due day).
 */
export function dueWithinBound(now: Date, timeZone: string, days: number): Date {
  return toDate(endOfDay(today(now, timeZone).add({ days }), timeZone));
}

/** The first instant of `day` (YYYY-MM-DD) in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  return toDate(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }));
}

/** The first instant after `day` (YYYY-MM-DD) in `timeZone`. */
export function afterDay(day: string, timeZone: string): Date {
  return toDate(endOfDay(Temporal.PlainDate.from(day), timeZone));
}

/** The start of this week (Monday) in `timeZone`. */
export function startOfWeek(now: Date, timeZone: string): Date {
  const day = today(now, timeZone);
  return toDate(day.subtract({ days: day.dayOfWeek - 1 }).toZonedDateTime({ timeZone }));
}
