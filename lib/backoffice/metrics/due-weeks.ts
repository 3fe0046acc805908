// Open requests by the week their period ends (Monday to Sunday, the controller's calendar): what is
// coming, for the metrics page's chart. Pure.
import { Temporal } from "temporal-polyfill";

export interface DueWeek {
  /** "overdue", "later", or the week's Monday (YYYY-MM-DD). */
  key: string;
  count: number;
}

/**
 * `dueDates` (YYYY-MM-DD, the deadline engine's due days) counted into: overdue (before `today`), the
 * `weeks` weeks from the one holding `today` (every week listed, empty ones too), and later.
 */
export function dueWeeks(dueDates: readonly string[], today: string, weeks = 8): DueWeek[] {
  const todayDate = Temporal.PlainDate.from(today);
  const firstMonday = todayDate.subtract({ days: todayDate.dayOfWeek - 1 });
  const buckets: DueWeek[] = [{ key: "overdue", count: 0 }];
  for (let i = 0; i < weeks; i++) buckets.push({ key: firstMonday.add({ weeks: i }).toString(), count: 0 });
  buckets.push({ key: "later", count: 0 });
  for (const due of dueDates) {
    const date = Temporal.PlainDate.from(due);
    if (Temporal.PlainDate.compare(date, todayDate) < 0) {
      buckets[0]!.count++;
      continue;
    }
    const week = Math.floor(firstMonday.until(date).days / 7);
    buckets[week < weeks ? week + 1 : weeks + 1]!.count++;
  }
  return buckets;
}
