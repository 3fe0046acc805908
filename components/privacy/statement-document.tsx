import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { controllerDetails, currentStatementVersion, statementVersions } from "@/lib/privacy";
import { formatDay } from "@/lib/format";
import { renderedStatement } from "@/lib/privacy/rendered";
import { StatementBody } from "./statement-body";
import { TableOfContents } from "./table-of-contents";

/** A version of the privacy statement as a page: title, dates, table of contents and text. */
export async function StatementDocument({ versionId, locale }: { versionId: string; locale: Locale }) {
  const rendered = renderedStatement(versionId, locale);
  if (!rendered) return null;
  const t = await getTranslations({ locale, namespace: "privacy" });
  const { version } = rendered;
  const versions = statementVersions();
  const current = currentStatementVersion();
  const index = versions.findIndex((v) => v.id === versionId);
  const next = versions[index + 1];
  const archived = index < versions.findIndex((v) => v.id === current);
  const upcoming = index > versions.findIndex((v) => v.id === current);

  return (
    <div className="container doc">
      <header className="doc__header">
        <p className="eyebrow">{t("eyebrow", { controller: controllerDetails().controller.name })}</p>
        <h1 id="doc-title">{version.title[locale]}</h1>
        <ul className="doc__meta">
          <li className="badge">{t("effective", { date: formatDay(version.effective, locale) })}</li>
          <li className="badge badge--quiet">{t("versionLabel", { id: version.id })}</li>
          <li>
            <Link href={`/${locale}/privacy/versions`}>{t("versionsLink")}</Link>
          </li>
        </ul>
        {archived && next ? (
          <p className="callout callout--warning" role="note">
            {t("archivedNotice", {
              from: formatDay(version.effective, locale),
              until: formatDay(dayBefore(next.effective), locale),
            })}{" "}
            <Link href={`/${locale}/privacy`}>{t("readCurrent")}</Link>
          </p>
        ) : null}
        {upcoming ? (
          <p className="callout" role="note">
            {t("upcomingNotice", { date: formatDay(version.effective, locale) })}{" "}
            <Link href={`/${locale}/privacy`}>{t("readCurrent")}</Link>
          </p>
        ) : null}
      </header>
      <div className="doc__layout">
        <TableOfContents items={rendered.outline} locale={locale} />
        <article className="doc__body" aria-labelledby="doc-title">
          <StatementBody versionId={versionId} locale={locale} />
        </article>
      </div>
    </div>
  );
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
