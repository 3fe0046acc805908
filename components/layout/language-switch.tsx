"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { locales, switchLocalePath } from "@/lib/i18n/locales";

/** Links to the same page in each language; works without JavaScript because it renders on the server too. */
export function LanguageSwitch() {
  const t = useTranslations();
  const current = useLocale();
  const pathname = usePathname() ?? `/${current}`;
  return (
    <nav aria-label={t("layout.languageSwitch")} className="language-switch">
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={switchLocalePath(pathname, locale)}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
              className="language-switch__link"
            >
              <span aria-hidden="true">{locale.toUpperCase()}</span>
              <span className="visually-hidden">{t(`languages.${locale}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
