import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { appConfig } from "@/lib/config/app-config";
import { isLocale } from "@/lib/i18n/locales";

export async function generateMetadata({ params }: PageProps<"/[locale]/requests/check-email">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "requests.checkEmail" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** After sending a form: the same page for everyone (and for robots), so it tells nobody anything. */
export default async function RequestCheckEmailPage({ params }: PageProps<"/[locale]/requests/check-email">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("requests.checkEmail");
  const config = appConfig();
  return (
    <div className="container container--narrow section">
      <h1>{t("title")}</h1>
      <p className="lead" role="status">
        {t("text", { hours: config.magicLinkMaxAgeHours })}
      </p>
      <p>{t("clock")}</p>
      <p>{t("spam")}</p>
      <p>{t("expiry", { days: config.unverifiedExpiryDays })}</p>
      <p>
        <Link className="button button--secondary" href={`/${locale}/sign-in`}>
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
