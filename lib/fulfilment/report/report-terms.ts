// The words of the Art. 15 report, from the same messages as the pages ("accessReport" namespace, plain
// {name} placeholders so they are filled here without ICU, as lib/privacy/register-text.ts does).
import de from "../../i18n/messages/de.json";
import en from "../../i18n/messages/en.json";
import type { Locale } from "../../i18n/locales";

const messages = { de: de.accessReport, en: en.accessReport };
export type ReportTerms = typeof de.accessReport;

export function reportTerms(locale: Locale): ReportTerms {
  return messages[locale];
}
