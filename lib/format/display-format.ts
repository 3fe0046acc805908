// The formatting functions bound to one language and time zone, so that a page writes
// `format.dateTime(event.at)` and cannot pass a different zone or language by mistake.
import type { Locale } from "../i18n/locales";
import { formatDate, formatDateTime, formatDay, formatMonth } from "./dates";
import { formatEuro, formatFileSize, formatNumber, formatPercent } from "./numbers";

export interface DisplayFormat {
  /** A YYYY-MM-DD day (the deadline engine's): "30 November 2026". */
  day(isoDay: string): string;
  /** A YYYY-MM month (the metrics'): "November 2026". */
  month(isoMonth: string): string;
  /** The day of an instant in the zone: "30 November 2026". */
  date(instant: Date): string;
  /** An instant with its time and zone: "30 November 2026 at 14:05 CET". */
  dateTime(instant: Date): string;
  /** A number, grouped: "10,000". */
  number(value: number): string;
  /** A share 0..1 as a percentage: "50%" / "50 %". */
  percent(share: number): string;
  /** A size in bytes: "45 bytes", "1.2 MB". */
  fileSize(bytes: number): string;
  /** An amount in euro cents: "€25.00" / "25,00 €". */
  euro(cents: number): string;
}

export function displayFormat(locale: Locale, timeZone: string): DisplayFormat {
  return {
    day: (isoDay) => formatDay(isoDay, locale),
    month: (isoMonth) => formatMonth(isoMonth, locale),
    date: (instant) => formatDate(instant, locale, timeZone),
    dateTime: (instant) => formatDateTime(instant, locale, timeZone),
    number: (value) => formatNumber(value, locale),
    percent: (share) => formatPercent(share, locale),
    fileSize: (bytes) => formatFileSize(bytes, locale),
    euro: (cents) => formatEuro(cents, locale),
  };
}
