// A calendar day (YYYY-MM-DD, already the controller's day) in words: "2. Februar 2027" / "2 February 2027".
import type { Locale } from "./locales";

export function formatDay(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
