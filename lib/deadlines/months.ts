// A period in months ends on the same date in the last month, or on that month's last day when the date
// does not exist there (Reg. 1182/71 Art. 3(2)(c)): received 31 January → 28/29 February.
import type { Temporal } from "temporal-polyfill";
import { monthName } from "./calendar";

export interface MonthsLater {
  date: Temporal.PlainDate;
  /** True when the same date does not exist in the last month and its last day was taken instead. */
  shortened: boolean;
  /** One sentence for the reasoning. */
  sentence: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function monthsLater(receipt: Temporal.PlainDate, months: number): MonthsLater {
  // "constrain" clamps a day beyond the month's end to its last day, which is exactly Art. 3(2)(c).
  const date = receipt.add({ months }, { overflow: "constrain" });
  const label = months === 1 ? "One month later" : `${months === 3 ? "Three" : months} months later`;
  if (date.day === receipt.day) {
    return { date, shortened: false, sentence: `${label}: ${date.toString()} (Reg. 1182/71 Art. 3(2)(c)).` };
  }
  const wanted = `${pad(date.year, 4)}-${pad(date.month)}-${pad(receipt.day)}`;
  return {
    date,
    shortened: true,
    sentence:
      `${label}: ${wanted} does not exist, so the last day of ${monthName(date)}: ${date.toString()} ` +
      "(Reg. 1182/71 Art. 3(2)(c)).",
  };
}
