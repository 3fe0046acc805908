// Whose conventions the portal writes dates, times and numbers in: Germany's for German, the United
// Kingdom's for English. Not the US's, which Intl gives a bare "en": the controller sits in the EU and
// writes to people there, who read "30 November 2026" and "14:05", not "November 30, 2026" and
// "2:05 PM". One choice for pages, mails and the demo mailbox (ARCHITECTURE.md, "Dates and numbers").
import type { Locale } from "../i18n/locales";

const intlLocales = { de: "de-DE", en: "en-GB" } as const satisfies Record<Locale, string>;

/** The BCP 47 tag Intl formats a portal language with: "de" → "de-DE", "en" → "en-GB". */
export function intlLocale(locale: Locale): (typeof intlLocales)[Locale] {
  return intlLocales[locale];
}
