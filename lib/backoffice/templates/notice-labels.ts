// The names the template pages give a notice, a scope and a language, from the messages (DE/EN).
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "../../i18n/locales";
import { ALL_TYPES } from "../../mail/outbox/current-notice-text";

/** Label functions for `locale`; an action without its own name (a notice added later) shows its key. */
export async function noticeLabels(locale: Locale) {
  const [t, tHome] = await Promise.all([
    getTranslations({ locale, namespace: "backofficeTemplates" }),
    getTranslations({ locale, namespace: "home.rights" }),
  ]);
  return {
    t,
    action: (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action),
    scope: (scope: string) => (scope === ALL_TYPES ? t("allTypes") : tHome(`${scope}.title`)),
    // The mail's language named in the page's language ("German" on an English page).
    language: (language: "de" | "en") => t(`languages.${language}`),
  };
}
