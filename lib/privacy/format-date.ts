// Dates as the statement shows them: "1. Juli 2023", "1 July 2023" (British English, like the texts).
import type { Locale } from "../i18n/locales";

const formats: Record<Locale, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};

/** `isoDate` is a calendar date ("2023-07-01"), not an instant: it is formatted as is, in no time zone. */
export function formatDate(isoDate: string, locale: Locale): string {
  return formats[locale].format(new Date(`${isoDate}T00:00:00Z`));
}
