import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { revealSubjectAction } from "@/app/[locale]/backoffice/actions";
import type { QueueRow } from "@/lib/backoffice/queue/queue-page";
import { deadlineStatus, type DeadlinePolicy } from "@/lib/deadlines";
import type { DisplayFormat } from "@/lib/format/display-format";
import type { Locale } from "@/lib/i18n/locales";
import { activeStatuses } from "@/lib/requests/workflow/states";

export interface QueueTableProps {
  locale: Locale;
  rows: QueueRow[];
  /** Staff names by user id. */
  staffNames: Map<string, string>;
  /** Addresses this viewer revealed recently, by request id. */
  revealed: Map<string, string>;
  mayReveal: boolean;
  /** The id of the bulk form the row checkboxes belong to, or null when the viewer may not act. */
  bulkFormId: string | null;
  /** The current view's path, to come back to after a reveal. */
  returnTo: string;
  policy: Pick<DeadlinePolicy, "timeZone" | "dueSoonDays">;
  format: DisplayFormat;
  now: Date;
  caption: string;
}

const REVEAL_FORM_ID = "queue-reveal";

/** The queue's rows, in a region that scrolls sideways on a small screen. */
export async function QueueTable(props: QueueTableProps) {
  const { locale, rows, format } = props;
  const t = await getTranslations({ locale, namespace: "backofficeQueue" });
  return (
    <>
      {props.mayReveal ? (
        // One form for the page; each row's button adds its request's id (HTML's submitter name and
        // value), so a page of 50 rows carries one form's hidden fields instead of 50.
        <form id={REVEAL_FORM_ID} action={revealSubjectAction} hidden>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="returnTo" value={props.returnTo} />
        </form>
      ) : null}
      <div className="table-wrap queue-table-wrap" role="region" aria-labelledby="queue-caption" tabIndex={0}>
        <table className="table queue-table" data-testid="queue-table">
          <caption id="queue-caption" className="queue-table__caption">
            {props.caption}
          </caption>
          <thead>
            <tr>
              {props.bulkFormId ? (
                <th scope="col">
                  <span className="visually-hidden">{t("table.select")}</span>
                </th>
              ) : null}
              <th scope="col">{t("table.reference")}</th>
              <th scope="col">{t("table.type")}</th>
              <th scope="col">{t("table.subject")}</th>
              <th scope="col">{t("table.status")}</th>
              <th scope="col">{t("table.assignee")}</th>
              <th scope="col">{t("table.received")}</th>
              <th scope="col">{t("table.due")}</th>
              <th scope="col">{t("table.lastActivity")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const address = props.revealed.get(row.id);
              return (
                <tr key={row.id} data-testid="queue-row" data-reference={row.reference}>
                  {props.bulkFormId ? (
                    <td>
                      <input
                        type="checkbox"
                        name="requestId"
                        value={row.id}
                        form={props.bulkFormId}
                        aria-label={t("table.selectRow", { reference: row.reference })}
                      />
                    </td>
                  ) : null}
                  <th scope="row">
                    {/* No prefetch: a page of 50 rows would fetch 50 case files the DPO mostly never opens. */}
                    <Link
                      href={`/${locale}/backoffice/requests/${row.reference}`}
                      className="reference"
                      prefetch={false}
                    >
                      {row.reference}
                    </Link>
                  </th>
                  <td>{t(`types.${row.type}`)}</td>
                  <td>
                    {address ? (
                      <span data-testid="queue-subject-revealed">{address}</span>
                    ) : (
                      <span className="queue-subject">
                        <span data-testid="queue-subject-masked">{row.maskedSubject}</span>
                        {props.mayReveal ? (
                          <button
                            type="submit"
                            form={REVEAL_FORM_ID}
                            name="requestId"
                            value={row.id}
                            className="queue-reveal__button"
                            aria-label={t("table.revealLabel", { reference: row.reference })}
                          >
                            {t("table.reveal")}
                          </button>
                        ) : null}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="badge badge--quiet">{t(`statuses.${row.status}`)}</span>
                    {row.duplicate ? <span className="badge badge--quiet">{t("table.duplicate")}</span> : null}
                  </td>
                  <td>{row.assigneeId ? (props.staffNames.get(row.assigneeId) ?? "?") : t("table.nobody")}</td>
                  <td>{row.receivedAt ? format.date(row.receivedAt) : t("table.notYet")}</td>
                  <td>
                    <DueCell row={row} {...props} t={t} />
                  </td>
                  <td>{format.dateTime(row.updatedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"backofficeQueue">>>;

/** The due day, and for an open request its days left as the deadline engine counts them. */
function DueCell({ row, policy, now, format, t }: QueueTableProps & { row: QueueRow; t: T }) {
  if (!row.dueDate || !row.dueAt) return <>{t("table.noDueDate")}</>;
  const open = (activeStatuses as readonly string[]).includes(row.status);
  if (!open) return <>{format.day(row.dueDate)}</>;
  const status = deadlineStatus({ due: row.dueDate, dueAt: row.dueAt }, now, policy);
  return (
    <span className="queue-due">
      <span>{format.day(row.dueDate)}</span>
      <span className="muted">
        {status.daysLeft >= 0
          ? t("table.daysLeft", { days: status.daysLeft })
          : t("table.daysOver", { days: -status.daysLeft })}
      </span>
      {status.state === "overdue" ? <span className="badge badge--removed">{t("table.overdue")}</span> : null}
      {status.state === "due_soon" ? <span className="badge badge--changed">{t("table.dueSoon")}</span> : null}
    </span>
  );
}
