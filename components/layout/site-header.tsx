import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { SiteNav } from "./site-nav";
import type { Locale } from "@/lib/i18n/locales";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations("site");
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href={`/${locale}`} className="brand">
          <span className="brand__mark" aria-hidden="true">
            §
          </span>
          <span className="brand__text">
            <span className="brand__name">{t("name")}</span>
            <span className="brand__controller">{t("controller")}</span>
          </span>
        </Link>
        <SiteNav />
        <LanguageSwitch />
      </div>
    </header>
  );
}
