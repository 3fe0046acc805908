// Public holidays of the controller's place, which push the end of a period to the next working day
// (Reg. 1182/71 Art. 3(4)). Only type "public" counts: observances, optional, school and bank holidays
// (e.g. Heiligabend afternoon) are ordinary working days for the period.
import Holidays from "date-holidays";
import type { Temporal } from "temporal-polyfill";
import { parseRegion } from "./region";

// Building a country's rules is the expensive part, and each year's list is asked for many times
// (every day skipped, every request), so both are kept: one instance per region, one list per region and year.
const calendars = new Map<string, Holidays>();
const years = new Map<string, Map<string, string[]>>();

const DAY_MS = 86_400_000;

function calendarFor(region: string): Holidays {
  let calendar = calendars.get(region);
  if (!calendar) {
    const { country, state } = parseRegion(region);
    calendar = state
      ? new Holidays(country, state, { types: ["public"] })
      : new Holidays(country, { types: ["public"] });
    calendars.set(region, calendar);
  }
  return calendar;
}

/** "YYYY-MM-DD" → holiday names, for every public holiday of `region` that starts in `year`. */
function holidaysStartingIn(region: string, year: number): Map<string, string[]> {
  const key = `${region}:${year}`;
  let byDate = years.get(key);
  if (byDate) return byDate;
  byDate = new Map();
  for (const holiday of calendarFor(region).getHolidays(year)) {
    if (holiday.type !== "public") continue;
    // `date` is the local calendar date ("2026-12-25 00:00:00"), independent of the process's time zone.
    // A few countries have holidays lasting several days; the start/end instants give the length.
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
    const first = holiday.date.slice(0, 10);
    for (let i = 0; i < days; i++) {
      const date = i === 0 ? first : addDaysIso(first, i);
      const names = byDate.get(date) ?? [];
      if (!names.includes(holiday.name)) names.push(holiday.name);
      byDate.set(date, names);
    }
  }
  years.set(key, byDate);
  return byDate;
}

function addDaysIso(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}

/** Names of the public holidays of `region` on `date`; empty on an ordinary day. */
export function publicHolidaysOn(date: Temporal.PlainDate, region: string): string[] {
  const iso = date.toString();
  // A multi-day holiday that began late in the previous year can still cover early January.
  return [
    ...(holidaysStartingIn(region, date.year - 1).get(iso) ?? []),
    ...(holidaysStartingIn(region, date.year).get(iso) ?? []),
  ];
}
