import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DemoMailboxHint } from "@/components/check-email/demo-mailbox-hint";
import { ResendForm } from "@/components/check-email/resend-form";
import { askedLink } from "@/lib/auth/asked-link";
import { appConfig } from "@/lib/config/app-config";
import { maskedAddress } from "@/lib/format/masked-address";
import { isLocale } from "@/lib/i18n/locales";
import { readTicketCookie } from "@/lib/security/ticket-cookie";
import { resendSignInLink } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in/check-email">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("checkTitle"), robots: { index: false } };
}

/**
 * The one answer to every request for a link, known address or not. The browser that asked carries
 * the address it typed in a signed cookie, so the page can name it (masked: it is what that browser
 * typed, and says nothing about whether we know it) and send the link again.
 */
export default async function CheckEmailPage({ params }: PageProps<"/[locale]/sign-in/check-email">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const hours = appConfig().magicLinkMaxAgeHours;
  const asked = askedLink(await readTicketCookie("sign-in-link"));
  return (
    <div className="container container--narrow section">
      <h1>{t("checkTitle")}</h1>
      <p className="section__intro" data-testid="check-email-text">
        {asked ? t("checkTextTo", { email: maskedAddress(asked.email), hours }) : t("checkText", { hours })}
      </p>
      <DemoMailboxHint locale={locale} staff />
      <p>{t("checkSpam")}</p>
      {asked ? (
        <ResendForm
          action={resendSignInLink}
          locale={locale}
          intro={t("resendIntro")}
          button={t("resend")}
          sending={t("resending")}
        />
      ) : null}
      <p className="button-row">
        <Link href={`/${locale}/sign-in`} className="button button--secondary">
          {t("again")}
        </Link>
      </p>
    </div>
  );
}
