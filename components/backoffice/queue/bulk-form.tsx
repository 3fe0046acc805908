import { getTranslations } from "next-intl/server";
import { bulkAction } from "@/app/[locale]/backoffice/actions";
import type { Locale } from "@/lib/i18n/locales";

export const BULK_FORM_ID = "queue-bulk";

/**
 * Bulk actions on the requests ticked in the table (their checkboxes belong to this form through
 * `form=`) or on all matching the view. Shown only for what the viewer's role may do.
 */
export async function BulkForm({
  locale,
  returnTo,
  matching,
  matchingIsBounded,
  mayAssign,
  mayWithdraw,
  staff,
}: {
  locale: Locale;
  returnTo: string;
  matching: number;
  /** Whether more match than the bulk limit (then the first `matching` are acted on). */
  matchingIsBounded: boolean;
  mayAssign: boolean;
  mayWithdraw: boolean;
  staff: { id: string; name: string | null; email: string }[];
}) {
  const t = await getTranslations({ locale, namespace: "backofficeQueue" });
  return (
    <form id={BULK_FORM_ID} action={bulkAction} className="queue-bulk" data-testid="queue-bulk">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <fieldset className="queue-filters__group">
        <legend>{t("bulk.label")}</legend>
        <label className="queue-filters__check">
          <input type="radio" name="scope" value="selected" defaultChecked />
          {t("bulk.scopeSelected")}
        </label>
        <label className="queue-filters__check">
          <input type="radio" name="scope" value="all" />
          {matchingIsBounded ? t("bulk.scopeAllMore", { count: matching }) : t("bulk.scopeAll", { count: matching })}
        </label>
      </fieldset>
      <div className="queue-bulk__actions">
        {mayAssign ? (
          <>
            <div className="field">
              <label htmlFor="queue-bulk-assignee">{t("bulk.assignTo")}</label>
              <select id="queue-bulk-assignee" name="assigneeId" defaultValue="">
                <option value="">—</option>
                {staff.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name ? `${member.name} (${member.email})` : member.email}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="action" value="assign" className="button">
              {t("bulk.assign")}
            </button>
          </>
        ) : null}
        {mayWithdraw ? (
          <button type="submit" name="action" value="withdraw_duplicate" className="button button--secondary">
            {t("bulk.withdrawDuplicate")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
