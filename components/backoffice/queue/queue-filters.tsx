import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { requestTypes } from "@/lib/requests/request-types";
import { requestStatuses } from "@/lib/requests/workflow/states";
import type { QueueView } from "@/lib/backoffice/queue/queue-view";

const DUE_CHOICES = [3, 7, 14, 30];

/**
 * The queue's filters as a plain GET form: the browser writes the view into the URL (no JavaScript
 * needed), and lib/backoffice/queue/queue-view.ts reads it back.
 */
export async function QueueFilters({
  locale,
  view,
  staff,
}: {
  locale: Locale;
  view: QueueView;
  staff: { id: string; name: string | null; email: string }[];
}) {
  const t = await getTranslations({ locale, namespace: "backofficeQueue" });
  const due = view.due ? (view.due.kind === "overdue" ? "overdue" : String(view.due.days)) : "";
  const dueChoices =
    view.due?.kind === "within" && !DUE_CHOICES.includes(view.due.days)
      ? [...DUE_CHOICES, view.due.days].sort((a, b) => a - b)
      : DUE_CHOICES;
  const assignee = view.assignee ? (view.assignee.kind === "user" ? view.assignee.userId : view.assignee.kind) : "";
  const q = view.search ? (view.search.kind === "reference" ? view.search.reference : view.search.email) : "";
  return (
    <form
      method="get"
      action={`/${locale}/backoffice`}
      className="queue-filters"
      aria-label={t("filters.label")}
      data-testid="queue-filters"
    >
      <fieldset className="queue-filters__group">
        <legend>{t("filters.status")}</legend>
        <p className="muted queue-filters__hint">{t("filters.statusHint")}</p>
        {requestStatuses.map((status) => (
          <label key={status} className="queue-filters__check">
            <input type="checkbox" name="status" value={status} defaultChecked={view.statuses.includes(status)} />
            {t(`statuses.${status}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="queue-filters__group">
        <legend>{t("filters.type")}</legend>
        {requestTypes.map((type) => (
          <label key={type} className="queue-filters__check">
            <input type="checkbox" name="type" value={type} defaultChecked={view.types.includes(type)} />
            {t(`types.${type}`)}
          </label>
        ))}
      </fieldset>
      <div className="queue-filters__fields">
        <div className="field">
          <label htmlFor="queue-assignee">{t("filters.assignee")}</label>
          <select id="queue-assignee" name="assignee" defaultValue={assignee}>
            <option value="">{t("filters.anyone")}</option>
            <option value="me">{t("filters.me")}</option>
            <option value="nobody">{t("filters.nobody")}</option>
            {staff.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name ? `${member.name} (${member.email})` : member.email}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-due">{t("filters.due")}</label>
          <select id="queue-due" name="due" defaultValue={due}>
            <option value="">{t("filters.dueAny")}</option>
            <option value="overdue">{t("filters.dueOverdue")}</option>
            {dueChoices.map((days) => (
              <option key={days} value={String(days)}>
                {t("filters.dueWithin", { days })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-from">{t("filters.from")}</label>
          <input id="queue-from" className="input" type="date" name="from" defaultValue={view.receivedFrom ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="queue-to">{t("filters.to")}</label>
          <input id="queue-to" className="input" type="date" name="to" defaultValue={view.receivedTo ?? ""} />
        </div>
        <div className="field queue-filters__search">
          <label htmlFor="queue-q">{t("filters.q")}</label>
          <input
            id="queue-q"
            className="input"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={320}
            aria-describedby="queue-q-hint"
            autoComplete="off"
          />
          <p id="queue-q-hint" className="muted queue-filters__hint">
            {t("filters.qHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="queue-sort">{t("filters.sort")}</label>
          <select id="queue-sort" name="sort" defaultValue={view.sort}>
            <option value="due">{t("filters.sortDue")}</option>
            <option value="received">{t("filters.sortReceived")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-dir">{t("filters.dir")}</label>
          <select id="queue-dir" name="dir" defaultValue={view.direction}>
            <option value="asc">{t("filters.asc")}</option>
            <option value="desc">{t("filters.desc")}</option>
          </select>
        </div>
      </div>
      <label className="queue-filters__check">
        <input type="checkbox" name="hidden" value="1" defaultChecked={view.showHidden} />
        {t("filters.hidden")}
      </label>
      <div className="button-row">
        <button type="submit" className="button" data-testid="queue-apply">
          {t("filters.apply")}
        </button>
        <Link href={`/${locale}/backoffice`} className="button button--secondary">
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
