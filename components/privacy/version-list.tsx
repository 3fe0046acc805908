import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { currentStatementVersion, statementVersions } from "@/lib/privacy";
import { formatDay } from "@/lib/format";

/** Every version, newest first, with its date, its change summary and a link to its full text. */
export async function VersionList({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "versions" });
  const versions = statementVersions();
  const current = currentStatementVersion();
  const currentIndex = versions.findIndex((v) => v.id === current);
  return (
    <ol className="version-list" data-testid="version-list">
      {versions
        .map((version, index) => ({ version, index }))
        .reverse()
        .map(({ version, index }) => (
          <li key={version.id} className="version-list__item card" data-version={version.id}>
            <div className="version-list__head">
              <h3 className="card__title" id={`version-${version.id}`}>
                {version.id}
              </h3>
              {index === currentIndex ? <span className="badge badge--success">{t("current")}</span> : null}
              {index > currentIndex ? <span className="badge">{t("upcoming")}</span> : null}
            </div>
            <p className="card__meta">{t("effective", { date: formatDay(version.effective, locale) })}</p>
            <p>{version.summary[locale]}</p>
            <Link
              href={index === currentIndex ? `/${locale}/privacy` : `/${locale}/privacy/versions/${version.id}`}
              aria-describedby={`version-${version.id}`}
            >
              {t("read", { id: version.id })}
            </Link>
          </li>
        ))}
    </ol>
  );
}
