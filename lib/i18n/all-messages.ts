// Every message of every page, per locale: the public side's files (messages/de.json, en.json) and
// one file per back-office area (messages/backoffice/<area>.<locale>.json, under the namespace named
// here), so areas built side by side do not edit one file. A namespace may come from one file only.
import de from "./messages/de.json";
import en from "./messages/en.json";
import backofficeDe from "./messages/backoffice/backoffice.de.json";
import backofficeEn from "./messages/backoffice/backoffice.en.json";
import metricsDe from "./messages/backoffice/metrics.de.json";
import metricsEn from "./messages/backoffice/metrics.en.json";
import staffDe from "./messages/backoffice/staff.de.json";
import staffEn from "./messages/backoffice/staff.en.json";
import secondFactorDe from "./messages/backoffice/second-factor.de.json";
import secondFactorEn from "./messages/backoffice/second-factor.en.json";
import caseDe from "./messages/backoffice/case.de.json";
import caseEn from "./messages/backoffice/case.en.json";
import queueDe from "./messages/backoffice/queue.de.json";
import queueEn from "./messages/backoffice/queue.en.json";
import templatesDe from "./messages/backoffice/templates.de.json";
import templatesEn from "./messages/backoffice/templates.en.json";
import fulfilmentDe from "./messages/backoffice/fulfilment.de.json";
import fulfilmentEn from "./messages/backoffice/fulfilment.en.json";
import type { Locale } from "./locales";

const areas: Record<string, Record<Locale, Record<string, unknown>>> = {
  backoffice: { de: backofficeDe, en: backofficeEn },
  backofficeStaff: { de: staffDe, en: staffEn },
  backofficeMetrics: { de: metricsDe, en: metricsEn },
  backofficeSecondFactor: { de: secondFactorDe, en: secondFactorEn },
  backofficeCase: { de: caseDe, en: caseEn },
  backofficeQueue: { de: queueDe, en: queueEn },
  backofficeTemplates: { de: templatesDe, en: templatesEn },
  backofficeFulfilment: { de: fulfilmentDe, en: fulfilmentEn },
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
