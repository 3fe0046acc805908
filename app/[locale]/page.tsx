import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { localeAlternates } from "@/lib/i18n/alternates";
import { isLocale } from "@/lib/i18n/locales";
import { controllerDetails, currentStatementVersion, registerEntries, statementVersion } from "@/lib/privacy";
import { formatDay } from "@/lib/format";
import { requestFormPath } from "@/lib/privacy/statement/to-hast";
import { requestTypes } from "@/lib/requests/request-types";

const steps = ["submit", "confirm", "answer", "follow"] as const;

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "home" });
  return {
    title: { absolute: t("metaTitle") },
    description: t("metaDescription"),
    alternates: localeAlternates(locale, ""),
  };
}

/** The front page is the privacy statement's front door: what it covers, who is responsible, and the rights. */
export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const tr = await getTranslations("register");
  const version = statementVersion(currentStatementVersion())!;
  const { controller, dpo, supervisoryAuthority } = controllerDetails();
  const privacy = `/${locale}/privacy`;

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__grid">
          <div>
            <p className="eyebrow">{t("eyebrow", { date: formatDay(version.effective, locale) })}</p>
            <h1 id="hero-title">{t("title")}</h1>
            <p className="lead">{t("lead")}</p>
            <p className="button-row">
              <Link className="button" href={privacy}>
                {t("readStatement")}
              </Link>
              <a className="button button--secondary" href="#rights-title">
                {t("exerciseRights")}
              </a>
            </p>
          </div>
          <aside className="facts-card" aria-labelledby="facts-title">
            <h2 id="facts-title" className="facts-card__title">
              {t("factsTitle")}
            </h2>
            <dl>
              <dt>{t("factController")}</dt>
              <dd>
                {controller.name}, {controller.address.city}
              </dd>
              <dt>{t("factDpo")}</dt>
              <dd>
                {dpo.name} · <a href={`mailto:${dpo.email}`}>{dpo.email}</a>
              </dd>
              <dt>{t("factAuthority")}</dt>
              <dd>
                <abbr title={supervisoryAuthority.name[locale]}>{supervisoryAuthority.shortName}</abbr>,{" "}
                {supervisoryAuthority.address.city}
              </dd>
            </dl>
          </aside>
        </div>
      </section>

      <section className="section" aria-labelledby="processing-title">
        <div className="container">
          <h2 id="processing-title">{t("processingTitle")}</h2>
          <p className="section__intro">{t("processingIntro")}</p>
          <ul className="card-grid" data-testid="processing-list">
            {registerEntries(version.id).map((entry) => (
              <li key={entry.id} className="card card--link" data-register-entry={entry.id}>
                <h3 className="card__title">
                  <Link href={`${privacy}#${entry.id}`}>{entry.name[locale]}</Link>
                </h3>
                <p className="card__meta">
                  {entry.legalBases.length
                    ? entry.legalBases.map((b) => tr(`legalBasis.${b.code}`)).join(" · ")
                    : tr("overview.independent")}
                </p>
                <p>{t("categoriesCount", { count: entry.dataCategories.length })}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="section section--muted" aria-labelledby="rights-title">
        <div className="container">
          <h2 id="rights-title">{t("rightsTitle")}</h2>
          <p className="section__intro">{t("rightsIntro")}</p>
          <ul className="card-grid" data-testid="rights-list">
            {requestTypes.map((type) => (
              <li key={type} className="card card--action" data-request-type={type}>
                <h3 className="card__title">{t(`rights.${type}.title`)}</h3>
                <p className="card__meta">{t(`rights.${type}.article`)}</p>
                <p>{t(`rights.${type}.text`)}</p>
                <p className="card__action">
                  <a className="request-link" href={requestFormPath(locale, type)}>
                    {tr(`requestAction.${type}`)}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="section" aria-labelledby="steps-title">
        <div className="container">
          <h2 id="steps-title">{t("stepsTitle")}</h2>
          <ol className="steps">
            {steps.map((step) => (
              <li key={step} className="steps__item">
                <h3 className="steps__title">{t(`steps.${step}.title`)}</h3>
                <p>{t(`steps.${step}.text`)}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="section section--muted" aria-labelledby="complaint-title">
        <div className="container">
          <h2 id="complaint-title">{t("complaintTitle")}</h2>
          <p className="section__intro">
            {t("complaintText", {
              authority: supervisoryAuthority.name[locale],
              shortName: supervisoryAuthority.shortName,
              city: supervisoryAuthority.address.city,
            })}
          </p>
        </div>
      </section>
    </>
  );
}
