import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInProblem } from "@/components/auth/sign-in-problem";
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
  const { error } = await searchParams;
  const kind = error === "Verification" ? "expired" : "error";
  return <SignInProblem locale={locale} hours={appConfig().magicLinkMaxAgeHours} kind={kind} />;
}
