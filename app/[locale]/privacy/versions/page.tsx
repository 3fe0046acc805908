import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CompareForm } from "@/components/privacy/compare-form";
import { VersionDiff } from "@/components/privacy/version-diff";
import { VersionList } from "@/components/privacy/version-list";
import { localeAlternates } from "@/lib/i18n/alternates";
import { isLocale } from "@/lib/i18n/locales";
import { currentStatementVersion, statementVersions } from "@/lib/privacy";
import { compareVersions } from "@/lib/privacy/rendered";

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy/versions">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "versions" });
  return {
    title: t("metaTitle"),
    description: t("metaDescription"),
    alternates: localeAlternates(locale, "/privacy/versions"),
  };
}

const comparison = z.object({ from: z.string(), to: z.string() });

export default async function VersionsPage({ params, searchParams }: PageProps<"/[locale]/privacy/versions">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("versions");

  const ids = statementVersions().map((v) => v.id);
  const current = currentStatementVersion();
  // By default: the current version against the one before it.
  const fallback = { from: ids[Math.max(0, ids.indexOf(current) - 1)]!, to: current };
  const query = await searchParams;
  const asked = query.from !== undefined || query.to !== undefined;
  const parsed = comparison.safeParse(query);
  const valid = parsed.success && ids.includes(parsed.data.from) && ids.includes(parsed.data.to);
  const { from, to } = valid ? parsed.data : fallback;
  const diff = from === to ? undefined : compareVersions(from, to, locale);

  return (
    <div className="container container--narrow section">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <section aria-labelledby="versions-list-title">
        <h2 id="versions-list-title">{t("listTitle")}</h2>
        <VersionList locale={locale} />
      </section>

      <section aria-labelledby="compare-title" className="compare">
        <h2 id="compare-title">{t("compareTitle")}</h2>
        {ids.length < 2 ? (
          <p>{t("onlyOne")}</p>
        ) : (
          <>
            <CompareForm locale={locale} from={from} to={to} />
            {asked && !valid ? (
              <p className="callout callout--warning" role="status">
                {t("invalid")}
              </p>
            ) : null}
            <h3 id="changes-title" className="compare__result-title" tabIndex={-1}>
              {t("resultTitle", { from, to })}
            </h3>
            {diff ? <VersionDiff diff={diff} locale={locale} /> : <p>{t("sameVersion")}</p>}
          </>
        )}
      </section>
    </div>
  );
}
