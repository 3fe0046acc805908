// next-intl's per-request configuration: the locale comes from the [locale] URL
// segment (set by the layout with setRequestLocale), the messages from lib/i18n/messages.
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "./locales";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  const messages = (await import(`./messages/${locale}.json`)).default as Record<string, unknown>;
  return { locale, messages, timeZone: "Europe/Berlin" };
});
