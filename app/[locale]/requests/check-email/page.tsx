import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DemoMailboxHint } from "@/components/check-email/demo-mailbox-hint";
import { ResendForm } from "@/components/check-email/resend-form";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { filedRequestView } from "@/lib/requests/intake/resend-confirmation";
import { readTicketCookie } from "@/lib/security/ticket-cookie";
import { resendRequestConfirmation } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/requests/check-email">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "requests.checkEmail" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * After sending a form. The browser that filed the request carries a signed cookie naming it, so the
 * page can say where the mail went (masked) and send it again; anyone else (a robot, a copied link, an
 * expired or forged cookie) gets the same general page, which tells nobody anything. Reading only.
 */
export default async function RequestCheckEmailPage({ params }: PageProps<"/[locale]/requests/check-email">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("requests.checkEmail");
  const config = appConfig();
  const requestId = await readTicketCookie("filed-request");
  const filed = requestId ? await filedRequestView(db(), requestId) : null;
  const awaiting = filed?.awaitingConfirmation ? filed : null;
  return (
    <div className="container container--narrow section">
      <h1>{t("title")}</h1>
      <p className="lead" role="status" data-testid="check-email-text">
        {awaiting
          ? t("textTo", { email: awaiting.maskedEmail, hours: config.magicLinkMaxAgeHours })
          : t("text", { hours: config.magicLinkMaxAgeHours })}
      </p>
      <DemoMailboxHint locale={locale} />
      <p>{t("clock")}</p>
      <p>{t("spam")}</p>
      {awaiting ? (
        <ResendForm
          action={resendRequestConfirmation}
          locale={locale}
          intro={t("resendIntro")}
          button={t("resend")}
          sending={t("resending")}
        />
      ) : null}
      <p>{t("expiry", { days: config.unverifiedExpiryDays })}</p>
      <p>
        <Link className="button button--secondary" href={`/${locale}/sign-in`}>
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
