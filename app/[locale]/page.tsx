import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/i18n/locales";
import { requestTypes } from "@/lib/requests/request-types";

const steps = ["submit", "confirm", "answer", "follow"] as const;

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "home" });
  return { title: { absolute: t("metaTitle") }, description: t("metaDescription") };
}

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("home");

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 id="hero-title">{t("title")}</h1>
          <p className="lead">{t("lead")}</p>
        </div>
      </section>

      <section className="section" aria-labelledby="rights-title">
        <div className="container">
          <h2 id="rights-title">{t("rightsTitle")}</h2>
          <p className="section__intro">{t("rightsIntro")}</p>
          <ul className="card-grid" data-testid="rights-list">
            {requestTypes.map((type) => (
              <li key={type} className="card" data-request-type={type}>
                <h3 className="card__title">{t(`rights.${type}.title`)}</h3>
                <p className="card__meta">{t(`rights.${type}.article`)}</p>
                <p>{t(`rights.${type}.text`)}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="section section--muted" aria-labelledby="steps-title">
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

      <section className="section" aria-labelledby="complaint-title">
        <div className="container">
          <h2 id="complaint-title">{t("complaintTitle")}</h2>
          <p className="section__intro">{t("complaintText")}</p>
        </div>
      </section>
    </>
  );
}
