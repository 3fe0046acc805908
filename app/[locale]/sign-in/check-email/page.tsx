import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { appConfig } from "@/lib/config/app-config";
import { isLocale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in/check-email">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("checkTitle"), robots: { index: false } };
}

/** The one answer to every request for a link, known address or not. */
export default async function CheckEmailPage({ params }: PageProps<"/[locale]/sign-in/check-email">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  return (
    <div className="container container--narrow section">
      <h1>{t("checkTitle")}</h1>
      <p className="section__intro">{t("checkText", { hours: appConfig().magicLinkMaxAgeHours })}</p>
      <p>{t("checkSpam")}</p>
      <p className="button-row">
        <Link href={`/${locale}/sign-in`} className="button button--secondary">
          {t("again")}
        </Link>
      </p>
    </div>
  );
}
