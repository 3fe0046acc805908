// When a period would end on a Saturday, Sunday or public holiday, it ends at the end of the next working
// day instead (Reg. 1182/71 Art. 3(4)); repeatedly, so Christmas followed by a weekend moves it several days.
import type { Temporal } from "temporal-polyfill";
import { publicHolidaysOn } from "./holidays";

export type SkipReason = "saturday" | "sunday" | "public_holiday";

export interface SkippedDay {
  /** "YYYY-MM-DD" */
  date: string;
  /** A weekend wins over a holiday on the same day: it is a day off wherever the controller is. */
  reason: SkipReason;
  /** Name(s) of the public holiday on that date, also when it falls on a weekend. */
  holiday?: string;
}

export interface WorkingDay {
  date: Temporal.PlainDate;
  skipped: SkippedDay[];
}

function skipReason(date: Temporal.PlainDate, region: string): SkippedDay | undefined {
  const names = publicHolidaysOn(date, region);
  const holiday = names.length > 0 ? names.join(" / ") : undefined;
  const reason: SkipReason | undefined =
    date.dayOfWeek === 6 ? "saturday" : date.dayOfWeek === 7 ? "sunday" : holiday ? "public_holiday" : undefined;
  if (!reason) return undefined;
  return holiday ? { date: date.toString(), reason, holiday } : { date: date.toString(), reason };
}

/** `date` itself if it is a working day in `region`, else the next one, with every day passed over. */
export function onOrAfterWorkingDay(date: Temporal.PlainDate, region: string): WorkingDay {
  const skipped: SkippedDay[] = [];
  let day = date;
  for (let skip = skipReason(day, region); skip; skip = skipReason(day, region)) {
    skipped.push(skip);
    day = day.add({ days: 1 });
  }
  return { date: day, skipped };
}

const HOLIDAY = (skip: SkippedDay, region: string) => `a public holiday in ${region} (${skip.holiday})`;

/** One reasoning sentence for a skipped day. */
export function describeSkip(skip: SkippedDay, region: string): string {
  const what =
    skip.reason === "public_holiday"
      ? HOLIDAY(skip, region)
      : `a ${skip.reason === "saturday" ? "Saturday" : "Sunday"}${skip.holiday ? ` and ${HOLIDAY(skip, region)}` : ""}`;
  return `${skip.date} is ${what}, so the period runs on to the next day (Reg. 1182/71 Art. 3(4)).`;
}
