import { getTranslations } from "next-intl/server";
import {
  changeStaffMemberRole,
  deactivateStaffMember,
  reactivateStaffMember,
  resetStaffMemberSecondFactor,
} from "@/app/[locale]/backoffice/staff/actions";
import type { StaffRow } from "@/lib/backoffice/staff/list-staff";
import { portalFormat } from "@/lib/format/portal-format";
import type { Locale } from "@/lib/i18n/locales";
import { staffRoles } from "@/lib/requests/workflow/actor";

/** The staff accounts with each row's steps as small forms (they work without JavaScript). */
export async function StaffTable({ locale, rows, viewerId }: { locale: Locale; rows: StaffRow[]; viewerId: string }) {
  const [t, tRoles] = await Promise.all([
    getTranslations({ locale, namespace: "backofficeStaff" }),
    getTranslations({ locale, namespace: "backoffice.roles" }),
  ]);
  const format = portalFormat(locale);
  return (
    <div className="table-scroll" role="region" aria-labelledby="staff-caption" tabIndex={0}>
      <table className="data-table staff-table" data-testid="staff-table">
        <caption id="staff-caption">{t("table.caption", { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.person")}</th>
            <th scope="col">{t("table.role")}</th>
            <th scope="col">{t("table.secondFactor")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("table.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const self = row.id === viewerId;
            const hidden = (
              <>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="userId" value={row.id} />
              </>
            );
            return (
              <tr key={row.id} data-testid="staff-row" data-email={row.email}>
                <th scope="row">
                  <span className="staff-table__email">{row.email}</span>
                  {row.name ? <span className="staff-table__name">{row.name}</span> : null}
                  {self ? <span className="badge badge--quiet">{t("table.you")}</span> : null}
                </th>
                <td>{tRoles(row.role)}</td>
                <td>{row.secondFactorEnrolled ? t("table.enrolled") : t("table.notEnrolled")}</td>
                <td>
                  {row.deactivatedAt
                    ? t("table.deactivated", { date: format.date(row.deactivatedAt) })
                    : `${t("table.active")} · ${t("table.sessions", { count: row.sessions })}`}
                </td>
                <td>
                  {self ? null : (
                    <div className="staff-table__actions">
                      <form action={changeStaffMemberRole} className="staff-table__role">
                        {hidden}
                        <label htmlFor={`role-${row.id}`} className="visually-hidden">
                          {t("actions.newRole", { email: row.email })}
                        </label>
                        <select id={`role-${row.id}`} name="role" defaultValue={row.role}>
                          {staffRoles.map((role) => (
                            <option key={role} value={role}>
                              {tRoles(role)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button--secondary button--small">
                          {t("actions.changeRole")}
                        </button>
                      </form>
                      <form action={row.deactivatedAt ? reactivateStaffMember : deactivateStaffMember}>
                        {hidden}
                        <button type="submit" className="button button--secondary button--small">
                          {row.deactivatedAt ? t("actions.reactivate") : t("actions.deactivate")}
                        </button>
                      </form>
                      {row.secondFactorEnrolled && !row.deactivatedAt ? (
                        <form action={resetStaffMemberSecondFactor}>
                          {hidden}
                          <button type="submit" className="button button--secondary button--small">
                            {t("actions.resetSecondFactor")}
                          </button>
                        </form>
                      ) : null}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
