import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { StatementDocument } from "@/components/privacy/statement-document";
import { localeAlternates } from "@/lib/i18n/alternates";
import { isLocale } from "@/lib/i18n/locales";
import { currentStatementVersion, statementVersion } from "@/lib/privacy";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/privacy/versions/[version]">): Promise<Metadata> {
  const { locale, version } = await params;
  if (!isLocale(locale) || !statementVersion(version)) return {};
  const t = await getTranslations({ locale, namespace: "privacy" });
  return {
    title: t("versionMetaTitle", { id: version }),
    alternates: localeAlternates(locale, `/privacy/versions/${version}`),
  };
}

/** Any version as it was published; requests record which one was in force when they were made. */
export default async function StatementVersionPage({ params }: PageProps<"/[locale]/privacy/versions/[version]">) {
  const { locale, version } = await params;
  if (!isLocale(locale) || !statementVersion(version)) notFound();
  // The current version has one address.
  if (version === currentStatementVersion()) redirect(`/${locale}/privacy`);
  setRequestLocale(locale);
  return <StatementDocument versionId={version} locale={locale} />;
}
