import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/sign-in-form";
import { isLocale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const { callbackUrl, notice } = await searchParams;
  return (
    <div className="container container--narrow section">
      <h1>{t("title")}</h1>
      {notice === "signed_out_everywhere" ? (
        <div className="notice" role="status" data-testid="sign-in-notice">
          <p>{t("signedOutEverywhere")}</p>
        </div>
      ) : null}
      <p className="section__intro">{t("intro")}</p>
      <SignInForm locale={locale} callbackUrl={safeCallbackPath(relativePath(callbackUrl), locale)} />
    </div>
  );
}

/** next-auth hands over absolute URLs of the portal; the form keeps only the path (checked again on submit). */
function relativePath(value: string | string[] | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  if (value.startsWith("/")) return value;
  return URL.canParse(value) ? new URL(value).pathname : undefined;
}
