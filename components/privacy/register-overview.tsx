import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { recipient, registerEntries } from "@/lib/privacy";
import { countryName } from "@/lib/privacy/register-text";

/** ::register-overview — every processing activity of a version in one table, rendered from the register. */
export async function RegisterOverview({ versionId, locale }: { versionId: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "register" });
  const entries = registerEntries(versionId);
  return (
    // On a phone each row becomes a small card (globals.css); in between, the table scrolls inside its own region.
    <div className="table-scroll" role="region" aria-labelledby="register-overview-caption" tabIndex={0}>
      <table className="data-table" data-testid="register-overview">
        <caption id="register-overview-caption">{t("overview.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overview.activity")}</th>
            <th scope="col">{t("overview.legalBasis")}</th>
            <th scope="col">{t("overview.recipients")}</th>
            <th scope="col">{t("overview.thirdCountry")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-register-entry={entry.id}>
              <th scope="row">
                <a href={`#${entry.id}`}>{entry.name[locale]}</a>
              </th>
              <td data-label={t("overview.legalBasis")}>
                {entry.legalBases.length
                  ? entry.legalBases.map((b) => (
                      <span key={b.code} className="nowrap-item">
                        {t(`legalBasis.${b.code}`)} <span className="muted">(lit. {b.code})</span>
                      </span>
                    ))
                  : t("overview.independent")}
              </td>
              <td data-label={t("overview.recipients")}>
                {entry.recipients.length
                  ? entry.recipients.map((id) => recipient(id)?.name[locale] ?? id).join(", ")
                  : t("noRecipients")}
              </td>
              <td data-label={t("overview.thirdCountry")}>
                {entry.thirdCountryTransfers.length
                  ? entry.thirdCountryTransfers.map((x) => countryName(x.country, locale)).join(", ")
                  : t("overview.none")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
