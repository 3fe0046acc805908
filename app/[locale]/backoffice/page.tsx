import "@/components/backoffice/queue/queue.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BULK_FORM_ID, BulkForm } from "@/components/backoffice/queue/bulk-form";
import { DashboardStrip } from "@/components/backoffice/queue/dashboard-strip";
import { QueueFilters } from "@/components/backoffice/queue/queue-filters";
import { QueueTable } from "@/components/backoffice/queue/queue-table";
import { may } from "@/lib/backoffice/access/capabilities";
import { BULK_LIMIT, mayBulk } from "@/lib/backoffice/queue/bulk";
import { COUNT_LIMIT, readQueue } from "@/lib/backoffice/queue/read-queue";
import { parseQueueView, queueHref, queueViewToSearchParams } from "@/lib/backoffice/queue/queue-view";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

const revealErrors = ["not_allowed", "not_found", "minimised", "conflict"] as const;

function rawQuery(search: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, one);
  return params.toString();
}

export async function generateMetadata({ params }: PageProps<"/[locale]/backoffice">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "backofficeQueue" });
  return { title: t("metaTitle") };
}

/** The back office's queue: every request a view selects, by keyset pages (issue 13, "Queue"). */
export default async function QueuePage({ params, searchParams }: PageProps<"/[locale]/backoffice">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const search = await searchParams;
  const { view, problems } = parseQueueView(search);
  const returnTo = queueHref(locale, view);
  // A form's GET carries its empty fields and the text as typed: the canonical URL (normalised, defaults
  // left out) is the one to bookmark and share. Not while something is wrong with the view: the page
  // then says what, and keeps what was typed.
  if (
    !problems.length &&
    !["revealError", "bulkDone", "bulkError"].some((name) => search[name] !== undefined) &&
    rawQuery(search) !== queueViewToSearchParams(view).toString()
  )
    redirect(returnTo);
  const now = new Date();
  const [t, queue] = await Promise.all([
    getTranslations({ locale, namespace: "backofficeQueue" }),
    readQueue(locale, view, returnTo, now),
  ]);
  const { page, count, dashboard, staff, policy, mayReveal, revealed } = queue;
  const format = portalFormat(locale);
  const staffNames = new Map(staff.map((member) => [member.id, member.name ?? member.email]));
  const mayAssign = mayBulk(queue.viewer, "assign");
  const mayWithdraw = mayBulk(queue.viewer, "withdraw_duplicate");
  const assignable = staff.filter(
    (member) => member.role !== "admin" && member.role !== "auditor" && !member.deactivatedAt,
  );
  const bulkError = (["noAssignee", "noneSelected"] as const).find((code) => code === search.bulkError) ?? null;
  const bulkDone = typeof search.bulkDone === "string" ? Number(search.bulkDone) : null;
  const bulkRefused = typeof search.bulkRefused === "string" ? Number(search.bulkRefused) : 0;
  const revealError = revealErrors.find((code) => code === search.revealError) ?? null;
  const pageLink = (cursor: "next" | "previous") => {
    const at = page[cursor];
    return at ? queueHref(locale, { ...view, page: cursor === "next" ? { after: at } : { before: at } }) : null;
  };
  const next = pageLink("next");
  const previous = pageLink("previous");
  const caption =
    count > COUNT_LIMIT ? t("table.captionMore", { count: format.number(COUNT_LIMIT) }) : t("table.caption", { count });

  return (
    <div
      className="container section queue-page"
      data-testid="queue-page"
      data-view={queueViewToSearchParams(view).toString()}
    >
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <DashboardStrip locale={locale} dashboard={dashboard} dueSoonDays={policy.dueSoonDays} format={format} />
      {problems.length ? (
        <div className="callout callout--warning" role="alert" data-testid="queue-problems">
          <p>{t("problems.title")}</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={i}>{t(`problems.${problem.code}`, { field: t(`problems.${problem.field}`) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {bulkDone !== null && Number.isInteger(bulkDone) ? (
        <div className="notice" role="status" data-testid="queue-bulk-done">
          <p>{t("bulk.done", { ok: bulkDone, failed: Number.isInteger(bulkRefused) ? bulkRefused : 0 })}</p>
        </div>
      ) : null}
      {bulkError ? (
        <div className="callout callout--warning" role="alert" data-testid="queue-bulk-error">
          <p>{t(`bulk.${bulkError}`)}</p>
        </div>
      ) : null}
      {revealError ? (
        <div className="notice" role="alert" data-testid="queue-reveal-error">
          <p>{t(`reveal.${revealError}`)}</p>
        </div>
      ) : null}
      <QueueFilters
        locale={locale}
        view={view}
        staff={staff.filter((member) => member.role !== "admin" && !member.deactivatedAt)}
      />
      {page.rows.length ? (
        <QueueTable
          locale={locale}
          rows={page.rows}
          staffNames={staffNames}
          revealed={revealed}
          mayReveal={mayReveal}
          bulkFormId={mayAssign || mayWithdraw ? BULK_FORM_ID : null}
          returnTo={returnTo}
          policy={policy}
          format={format}
          now={now}
          caption={caption}
        />
      ) : (
        <p className="callout" data-testid="queue-empty">
          {t("table.empty")}
        </p>
      )}
      {page.rows.length && (mayAssign || mayWithdraw) ? (
        <BulkForm
          locale={locale}
          returnTo={returnTo}
          matching={Math.min(count, BULK_LIMIT)}
          matchingIsBounded={count > BULK_LIMIT}
          mayAssign={mayAssign}
          mayWithdraw={mayWithdraw}
          staff={assignable}
        />
      ) : null}
      {may(queue.viewer.actor.role, "register.export") ? (
        // The register of every request this view matches (all pages), as CSV: Art. 5(2) accountability.
        <form method="post" action={`/${locale}/backoffice/register`} className="queue-register">
          <input type="hidden" name="view" value={queueViewToSearchParams({ ...view, page: null }).toString()} />
          <button type="submit" className="button button--secondary" data-testid="queue-register">
            {t("register.download")}
          </button>
          <span className="muted">{t("register.hint")}</span>
        </form>
      ) : null}
      {next || previous ? (
        <nav aria-label={t("pages.label")} className="queue-pages">
          {previous ? (
            <Link href={previous} rel="prev" data-testid="queue-previous">
              ← {t("pages.previous")}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={next} rel="next" data-testid="queue-next">
              {t("pages.next")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
