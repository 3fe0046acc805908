import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { requestFormPath } from "@/lib/privacy/statement/to-hast";
import { requestTypes } from "@/lib/requests/request-types";

export async function generateMetadata({ params }: PageProps<"/[locale]/requests/new">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "requests.overview" });
  return { title: t("metaTitle") };
}

/** Every right in plain words, each leading to its form. */
export default async function RequestOverviewPage({ params }: PageProps<"/[locale]/requests/new">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, tRights, tHome] = await Promise.all([
    getTranslations("requests.overview"),
    getTranslations("requests.rights"),
    getTranslations("home.rights"),
  ]);
  return (
    <div className="container section">
      <h1>{t("title")}</h1>
      <p className="section__intro">{t("intro")}</p>
      <ul className="card-grid" data-testid="rights-overview">
        {requestTypes.map((type) => (
          <li key={type} className="card card--action" data-request-type={type}>
            <h2 className="card__title">{tHome(`${type}.title`)}</h2>
            <p className="card__meta">{tHome(`${type}.article`)}</p>
            <p>{tRights(`${type}.lead`)}</p>
            <p className="card__action">
              {/* The name says which right (a hidden span beside the words gave "… : Auskunft" in Chromium). */}
              <Link
                className="button button--secondary"
                href={requestFormPath(locale, type)}
                aria-label={`${t("choose")}: ${tHome(`${type}.title`)}`}
              >
                {t("choose")}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <h2>{t("howTitle")}</h2>
      <ol className="steps">
        {(["form", "link", "case"] as const).map((step) => (
          <li key={step} className="steps__item">
            <p>{t(`how.${step}`)}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
