import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { shownUploadLimits, uploadLimitsFromConfig } from "@/lib/attachments/limits";
import { RequestForm } from "@/components/requests/form/request-form";
import { appConfig } from "@/lib/config/app-config";
import { isLocale } from "@/lib/i18n/locales";
import { labelledFormChoices } from "@/lib/requests/intake/form-choices";
import { isRequestType } from "@/lib/requests/request-types";

export async function generateMetadata({ params }: PageProps<"/[locale]/requests/new/[type]">): Promise<Metadata> {
  const { locale, type } = await params;
  if (!isLocale(locale) || !isRequestType(type)) return {};
  const [t, tHome] = await Promise.all([
    getTranslations({ locale, namespace: "requests.form" }),
    getTranslations({ locale, namespace: "home.rights" }),
  ]);
  return { title: t("metaTitle", { right: tHome(`${type}.title`) }) };
}

export default async function RequestFormPage({ params }: PageProps<"/[locale]/requests/new/[type]">) {
  const { locale, type } = await params;
  if (!isLocale(locale) || !isRequestType(type)) notFound();
  setRequestLocale(locale);
  // Nothing here depends on who asks: the page is cached (lib/page-cache/); the form asks for the session itself.
  const [t, tRights, tHome] = await Promise.all([
    getTranslations("requests.form"),
    getTranslations("requests.rights"),
    getTranslations("home.rights"),
  ]);
  const config = appConfig();
  const uploads = uploadLimitsFromConfig(config);
  return (
    <div className="container container--narrow section">
      <p>
        <Link href={`/${locale}/requests/new`}>← {t("back")}</Link>
      </p>
      <h1>{t("title", { right: tHome(`${type}.title`) })}</h1>
      <p className="section__intro">{tRights(`${type}.lead`)}</p>
      <RequestForm
        type={type}
        locale={locale}
        choices={labelledFormChoices(locale)}
        limits={shownUploadLimits(uploads)}
        notice={{
          years: config.env.RETENTION_YEARS,
          days: config.unverifiedExpiryDays,
          privacyHref: `/${locale}/privacy`,
        }}
      />
    </div>
  );
}
