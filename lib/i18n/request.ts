// next-intl's per-request configuration: the locale comes from the [locale] URL
// segment (set by the layout with setRequestLocale), the messages from lib/i18n/all-messages.ts. Dates and
// numbers shown on pages come from lib/format; the zone here is the controller's all the same, so
// nothing next-intl formats itself can disagree with them.
import { getRequestConfig } from "next-intl/server";
import { controllerTimeZone } from "../privacy/controller-settings";
import { allMessages } from "./all-messages";
import { defaultLocale, isLocale } from "./locales";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return { locale, messages: allMessages[locale], timeZone: controllerTimeZone() };
});
