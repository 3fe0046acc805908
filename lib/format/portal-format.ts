// The display format of a page: its language, and the controller's time zone (content/controller.ts),
// in which the portal states every instant, as the deadlines count days in it (Art. 12(3) GDPR).
import type { Locale } from "../i18n/locales";
import { controllerTimeZone } from "../privacy/controller-settings";
import { displayFormat, type DisplayFormat } from "./display-format";

export function portalFormat(locale: Locale): DisplayFormat {
  return displayFormat(locale, controllerTimeZone());
}
