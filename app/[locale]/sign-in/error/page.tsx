import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ExpiredLink } from "@/components/auth/expired-link";
import { appConfig } from "@/lib/config/app-config";
import { isLocale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in/error">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("errorTitle"), robots: { index: false } };
}

/** Where next-auth sends a failed sign-in; "Verification" is a link that was used already or ran out. */
export default async function SignInErrorPage({ params, searchParams }: PageProps<"/[locale]/sign-in/error">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const { error } = await searchParams;
  if (error === "Verification") return <ExpiredLink locale={locale} hours={appConfig().magicLinkMaxAgeHours} />;
  return (
    <div className="container container--narrow section">
      <h1>{t("errorTitle")}</h1>
      <p className="section__intro">{t("errorText")}</p>
      <p className="button-row">
        <Link href={`/${locale}/sign-in`} className="button">
          {t("again")}
        </Link>
      </p>
    </div>
  );
}
