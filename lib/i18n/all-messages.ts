// Every message of every page, per locale: the public side's files (messages/de.json, en.json) and
// one file per back-office area (messages/backoffice/<area>.<locale>.json, under the namespace named
// here), so areas built side by side do not edit one file. A namespace may come from one file only.
import de from "./messages/de.json";
import en from "./messages/en.json";
import backofficeDe from "./messages/backoffice/backoffice.de.json";
import backofficeEn from "./messages/backoffice/backoffice.en.json";
import queueDe from "./messages/backoffice/queue.de.json";
import queueEn from "./messages/backoffice/queue.en.json";
import type { Locale } from "./locales";

const areas: Record<string, Record<Locale, Record<string, unknown>>> = {
  backoffice: { de: backofficeDe, en: backofficeEn },
  backofficeQueue: { de: queueDe, en: queueEn },
};

function merge(locale: Locale, base: Record<string, unknown>): Record<string, unknown> {
  const messages: Record<string, unknown> = { ...base };
  for (const [namespace, files] of Object.entries(areas)) {
    if (namespace in messages) throw new Error(`message namespace ${namespace} defined twice`);
    messages[namespace] = files[locale];
  }
  return messages;
}

/** All messages of `locale`, by namespace. */
export const allMessages: Record<Locale, Record<string, unknown>> = { de: merge("de", de), en: merge("en", en) };
