import { getTranslations } from "next-intl/server";
import type { DisplayFormat } from "@/lib/format/display-format";
import type { Locale } from "@/lib/i18n/locales";
import { ON_TIME_WINDOW_DAYS, type Dashboard } from "@/lib/backoffice/queue/dashboard";

/** The queue's figures at a glance (lib/backoffice/queue/dashboard.ts), as a list of terms. */
export async function DashboardStrip({
  locale,
  dashboard,
  dueSoonDays,
  format,
}: {
  locale: Locale;
  dashboard: Dashboard;
  dueSoonDays: number;
  format: DisplayFormat;
}) {
  const t = await getTranslations({ locale, namespace: "backofficeQueue" });
  const figures: { key: string; label: string; value: string; tone?: "warn" | "alert" }[] = [
    ...Object.entries(dashboard.openByStatus).map(([status, count]) => ({
      key: status,
      label: t("dashboard.open", { status: t(`statuses.${status as keyof Dashboard["openByStatus"]}`) }),
      value: format.number(count),
    })),
    {
      key: "dueSoon",
      label: t("dashboard.dueSoon", { days: dueSoonDays }),
      value: format.number(dashboard.dueSoon),
      tone: dashboard.dueSoon ? "warn" : undefined,
    },
    {
      key: "overdue",
      label: t("dashboard.overdue"),
      value: format.number(dashboard.overdue),
      tone: dashboard.overdue ? "alert" : undefined,
    },
    {
      key: "receivedThisWeek",
      label: t("dashboard.receivedThisWeek"),
      value: format.number(dashboard.receivedThisWeek),
    },
    {
      key: "onTime",
      label: t("dashboard.onTime", { days: ON_TIME_WINDOW_DAYS }),
      value:
        dashboard.onTimeRate === null
          ? t("dashboard.onTimeNone")
          : t("dashboard.onTimeOf", {
              rate: format.percent(dashboard.onTimeRate),
              count: format.number(dashboard.closedInWindow),
            }),
    },
  ];
  return (
    <section aria-label={t("dashboard.label")} className="queue-strip" data-testid="queue-dashboard">
      <dl className="queue-strip__list">
        {figures.map((figure) => (
          <div
            key={figure.key}
            className={`queue-strip__item${figure.tone ? ` queue-strip__item--${figure.tone}` : ""}`}
          >
            <dt>{figure.label}</dt>
            <dd data-testid={`queue-figure-${figure.key}`}>{figure.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
