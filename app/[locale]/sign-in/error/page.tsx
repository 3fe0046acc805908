import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
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
  const expired = error === "Verification";
  return (
    <div className="container container--narrow section">
      <h1>{expired ? t("expiredTitle") : t("errorTitle")}</h1>
      <p className="section__intro">
        {expired ? t("expiredText", { hours: appConfig().magicLinkMaxAgeHours }) : t("errorText")}
      </p>
      <p className="button-row">
        <Link href={`/${locale}/sign-in`} className="button">
          {t("again")}
        </Link>
      </p>
    </div>
  );
}
