"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

/** The portal's main sections; rendered on the server too, so it works without JavaScript. */
export function SiteNav() {
  const t = useTranslations("layout");
  const locale = useLocale();
  const pathname = usePathname() ?? `/${locale}`;
  // "Your rights" leads to the overview of the rights with their forms: the way in for someone who
  // wants to use one. The statement (which explains them too) stays one click away beside it.
  const links = [
    {
      href: `/${locale}/requests/new`,
      label: t("navRights"),
      current: pathname.startsWith(`/${locale}/requests/new`),
    },
    { href: `/${locale}/privacy`, label: t("navPrivacy"), current: pathname === `/${locale}/privacy` },
    {
      href: `/${locale}/privacy/versions`,
      label: t("navVersions"),
      current: pathname.startsWith(`/${locale}/privacy/versions`),
    },
    {
      href: `/${locale}/my/requests`,
      label: t("navMyRequests"),
      current: pathname.startsWith(`/${locale}/my/requests`),
    },
  ];
  return (
    <nav aria-label={t("primaryNav")} className="site-nav">
      <ul>
        {links.map((link) =>
          link.href.includes("#") ? (
            // A plain link, so the browser moves to the section itself and announces the new anchor (hashchange).
            <li key={link.href}>
              <a href={link.href} className="site-nav__link">
                {link.label}
              </a>
            </li>
          ) : (
            <li key={link.href}>
              <Link href={link.href} className="site-nav__link" aria-current={link.current ? "page" : undefined}>
                {link.label}
              </Link>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
