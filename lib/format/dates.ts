// Dates and times in words, one style per language (conventions.ts): "30 November 2026" /
// "30. November 2026", and with the time on the 24-hour clock and the zone's name as people there
// read it: "30 November 2026 at 14:05 CET" / "30. November 2026 um 14:05 MEZ". The zone's name is
// always shown with a time: the portal's readers are not all in the controller's zone, and on the
// night clocks go back, 02:30 happens twice (CEST, then CET).
import type { Locale } from "../i18n/locales";
import { intlLocale } from "./conventions";

const DATE = { day: "numeric", month: "long", year: "numeric" } as const;
const TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } as const;

const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...DATE, ...(withTime ? TIME : {}), timeZone });
    formats.set(key, format);
  }
  return format;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day as the deadline engine gives it ("2026-11-30", already the controller's day, so no
 * zone applies) in words: "30 November 2026" / "30. November 2026".
 * @throws RangeError when `isoDay` is not a real YYYY-MM-DD day.
 */
export function formatDay(isoDay: string, locale: Locale): string {
  const match = ISO_DAY.exec(isoDay);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (!match || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): "${isoDay}"`);
  }
  return dateTimeFormat(locale, "UTC", false).format(at);
}

const monthFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A month as the metrics give it ("2026-11", already the controller's month) in words:
 * "November 2026". @throws RangeError when `isoMonth` is not YYYY-MM with a month 01-12.
 */
export function formatMonth(isoMonth: string, locale: Locale): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(isoMonth);
  if (!match) throw new RangeError(`not a month (YYYY-MM): "${isoMonth}"`);
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { month: "long", year: "numeric", timeZone: "UTC" });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** The day an instant falls on in `timeZone` (an IANA name, the controller's), in words: "30 November 2026". */
export function formatDate(instant: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, false).format(instant);
}

/**
 * An instant as people in `timeZone` (an IANA name, the controller's) read a clock, with the zone's
 * name: "30 November 2026 at 14:05 CET" / "30. November 2026 um 14:05 MEZ" (GMT+x where a zone has
 * no name in the language).
 */
export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, true).format(instant);
}
