import "@/components/backoffice/templates/templates.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { may } from "@/lib/backoffice/access/capabilities";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import { noticeActions, noticeLanguages, noticeScopes } from "@/lib/backoffice/templates/notice-catalogue";
import { noticeLabels } from "@/lib/backoffice/templates/notice-labels";
import { listNoticeTexts } from "@/lib/backoffice/templates/notice-texts";
import { db } from "@/lib/db/client";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";
import { ALL_TYPES } from "@/lib/mail/outbox/current-notice-text";

export async function generateMetadata({ params }: PageProps<"/[locale]/backoffice/templates">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "backofficeTemplates" });
  return { title: t("metaTitle") };
}

/** The notice texts: per notice, request type and language, the version in force and who changed it (issue 13). */
export default async function TemplatesPage({ params }: PageProps<"/[locale]/backoffice/templates">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireStaff(locale, "templates.view", `/${locale}/backoffice/templates`);
  const summaries = (await listNoticeTexts(db(), viewer.actor.role)) ?? notFound();
  const labels = await noticeLabels(locale);
  const { t } = labels;
  const format = portalFormat(locale);
  const canEdit = may(viewer.actor.role, "templates.edit");
  const newest = new Map(summaries.map((s) => [`${s.action}/${s.scope}/${s.language}`, s]));
  return (
    <div className="container section">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {canEdit ? null : (
        <p className="callout" data-testid="templates-read-only">
          {t("readOnly")}
        </p>
      )}
      {noticeActions.map((action) => {
        const captionId = `templates-${action}`;
        return (
          <div key={action} className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <table className="data-table" data-testid={`templates-${action}`}>
              <caption id={captionId}>{t("table.caption", { action: labels.action(action) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("table.scope")}</th>
                  {noticeLanguages.map((language) => (
                    <th key={language} scope="col">
                      {labels.language(language)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {noticeScopes.map((scope) => (
                  <tr key={scope}>
                    <th scope="row">{labels.scope(scope)}</th>
                    {noticeLanguages.map((language) => {
                      const own = newest.get(`${action}/${scope}/${language}`);
                      const inherited = scope !== ALL_TYPES && newest.has(`${action}/${ALL_TYPES}/${language}`);
                      const state = own
                        ? t("table.changed", {
                            version: own.version,
                            author: own.author,
                            date: format.dateTime(own.createdAt),
                          })
                        : inherited
                          ? t("table.inherited")
                          : t("table.default");
                      const names = {
                        action: labels.action(action),
                        scope: labels.scope(scope),
                        language: labels.language(language),
                      };
                      return (
                        <td key={language}>
                          <Link href={`/${locale}/backoffice/templates/${action}/${scope}/${language}`}>
                            {state}
                            <span className="visually-hidden">
                              {" "}
                              ({canEdit ? t("table.edit", names) : t("table.view", names)})
                            </span>
                          </Link>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
