import "@/components/backoffice/metrics/metrics.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DueWeeksChart, type ChartBar } from "@/components/backoffice/metrics/due-weeks-chart";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import { loadMetrics } from "@/lib/backoffice/metrics/load-metrics";
import { db } from "@/lib/db/client";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";
import { requestTypeLabel } from "@/lib/mail/templates/request-type-label";
import { controllerTimeZone } from "@/lib/privacy/controller-settings";

export async function generateMetadata({ params }: PageProps<"/[locale]/backoffice/metrics">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "backofficeMetrics" });
  return { title: t("metaTitle") };
}

/** Closing times, on-time rate, extensions, refusals by ground and the due weeks ahead (issue 13). */
export default async function MetricsPage({ params }: PageProps<"/[locale]/backoffice/metrics">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireStaff(locale, "metrics.view", `/${locale}/backoffice/metrics`);
  const metrics = (await loadMetrics(db(), viewer, controllerTimeZone())) ?? notFound();
  const t = await getTranslations({ locale, namespace: "backofficeMetrics" });
  const format = portalFormat(locale);
  const bars: ChartBar[] = metrics.dueWeeks.map((week) => ({
    key: week.key,
    count: week.count,
    tone: week.key === "overdue" ? "danger" : "normal",
    label:
      week.key === "overdue"
        ? t("dueWeeks.overdue")
        : week.key === "later"
          ? t("dueWeeks.later")
          : format.day(week.key).replace(/ \d{4}$/, ""),
  }));
  const weekName = (key: string) =>
    key === "overdue"
      ? t("dueWeeks.overdue")
      : key === "later"
        ? t("dueWeeks.later")
        : t("dueWeeks.weekOf", { date: format.day(key) });
  const { closing } = metrics;
  return (
    <div className="container section">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { since: format.date(metrics.since) })}</p>
      <ul className="metrics-figures" aria-label={t("figures.label")} data-testid="metrics-figures">
        <li>
          <span className="metrics-figures__value">{format.number(closing.closed)}</span> {t("figures.closed")}
        </li>
        <li>
          <span className="metrics-figures__value">
            {closing.onTimeRate === null ? t("figures.onTimeNone") : format.percent(closing.onTimeRate)}
          </span>{" "}
          {t("figures.onTime")}
        </li>
        <li>
          <span className="metrics-figures__value">{format.number(closing.extensions)}</span> {t("figures.extensions")}
        </li>
      </ul>

      <h2>{t("dueWeeks.title")}</h2>
      <figure className="metrics-figure">
        <DueWeeksChart
          bars={bars}
          title={t("dueWeeks.chartTitle")}
          description={t("dueWeeks.chartDescription", {
            summary: bars.map((b) => `${weekName(b.key)}: ${format.number(b.count)}`).join(", "),
          })}
        />
      </figure>
      <div className="table-scroll" role="region" aria-labelledby="due-weeks-caption" tabIndex={0}>
        <table className="data-table" data-testid="due-weeks-table">
          <caption id="due-weeks-caption">{t("dueWeeks.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dueWeeks.week")}</th>
              <th scope="col">{t("dueWeeks.count")}</th>
            </tr>
          </thead>
          <tbody>
            {metrics.dueWeeks.map((week) => (
              <tr key={week.key}>
                <th scope="row">{weekName(week.key)}</th>
                <td>{format.number(week.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("closing.title")}</h2>
      {closing.rows.length === 0 ? (
        <p>{t("closing.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="closing-caption" tabIndex={0}>
          <table className="data-table" data-testid="closing-table">
            <caption id="closing-caption">{t("closing.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("closing.month")}</th>
                <th scope="col">{t("closing.type")}</th>
                <th scope="col">{t("closing.count")}</th>
                <th scope="col">{t("closing.median")}</th>
                <th scope="col">{t("closing.p90")}</th>
              </tr>
            </thead>
            <tbody>
              {closing.rows.map((row) => (
                <tr key={`${row.month} ${row.type}`}>
                  <th scope="row">{format.month(row.month)}</th>
                  <td>{requestTypeLabel(row.type, locale)}</td>
                  <td>{format.number(row.count)}</td>
                  <td>{format.number(row.medianDays)}</td>
                  <td>{format.number(row.p90Days)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("refusals.title")}</h2>
      {metrics.refusals.length === 0 ? (
        <p>{t("refusals.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="refusals-caption" tabIndex={0}>
          <table className="data-table" data-testid="refusals-table">
            <caption id="refusals-caption">{t("refusals.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("refusals.ground")}</th>
                <th scope="col">{t("refusals.count")}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.refusals.map((row) => (
                <tr key={row.ground}>
                  <th scope="row">{t(`refusals.grounds.${row.ground}`)}</th>
                  <td>{format.number(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
