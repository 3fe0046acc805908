"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { locales, switchLocalePath } from "@/lib/i18n/locales";
import { MAIN_CONTENT_ID } from "./main-content";

// The section a reader is at (#rights) lives only in the browser: the server never sees it. With
// JavaScript the links follow it, so switching language keeps the section (heading ids are the same
// in every language); without JavaScript they lead to the top of the same page.
function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** Links to the same page in each language; works without JavaScript because it renders on the server too. */
export function LanguageSwitch() {
  const t = useTranslations();
  const current = useLocale();
  const pathname = usePathname() ?? `/${current}`;
  // Read on every render, so a client-side navigation to another page (which changes the pathname but
  // fires no hashchange) does not carry an old anchor along.
  const hash = useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash,
    () => "",
  );
  const section = hash === `#${MAIN_CONTENT_ID}` ? "" : hash;
  return (
    <nav aria-label={t("layout.languageSwitch")} className="language-switch">
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={`${switchLocalePath(pathname, locale)}${section}`}
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
