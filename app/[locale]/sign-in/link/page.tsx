import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInProblem } from "@/components/auth/sign-in-problem";
import { inspectMailedLink } from "@/lib/auth/links/mailed-link";
import { safeCallbackPath } from "@/lib/auth/sign-in-form";
import { appConfig } from "@/lib/config/app-config";
import { isLocale } from "@/lib/i18n/locales";
import { signInWithLink } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in/link">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("linkTitle"), robots: { index: false } };
}

/**
 * Where a sign-in mail's link leads. Opening it (as mail scanners and link previews do) only shows
 * what will happen; the button signs in (a POST: lib/auth/links/redeem-link.ts).
 */
export default async function SignInLinkPage({ params, searchParams }: PageProps<"/[locale]/sign-in/link">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const { token, callbackUrl } = await searchParams;
  const link = await inspectMailedLink(token);
  if (!link.usable) return <SignInProblem locale={locale} hours={appConfig().magicLinkMaxAgeHours} kind="expired" />;
  return (
    <div className="container container--narrow section">
      <h1>{t("linkTitle")}</h1>
      <p className="section__intro">{t("linkText", { email: link.maskedEmail })}</p>
      <form action={signInWithLink} className="form-card" data-testid="link-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={String(token)} />
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(callbackUrl, locale)} />
        <button type="submit" className="button">
          {t("linkSubmit")}
        </button>
      </form>
      <p className="field__hint">{t("linkWhy")}</p>
    </div>
  );
}
