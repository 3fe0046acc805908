import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { dataCategory, recipient, registerEntry } from "@/lib/privacy";
import { countryName } from "@/lib/privacy/register-text";
import { RequestLinks } from "./request-links";

/** One register entry in full, where the statement says ::processing{id="…"}. */
export async function ProcessingCard({ entryId, locale }: { entryId: string; locale: Locale }) {
  const entry = registerEntry(entryId);
  if (!entry) return null;
  const t = await getTranslations({ locale, namespace: "register" });
  const independent = entry.independentControllers ?? [];
  const recipients = entry.recipients.flatMap((id) => recipient(id) ?? []);

  return (
    <div className="processing" data-register-entry={entry.id}>
      <dl className="facts">
        {independent.length ? (
          <Fact label={t("fields.responsibility")}>
            <ul className="plain-list">
              {independent
                .flatMap((id) => recipient(id) ?? [])
                .map((r) => (
                  <li key={r.id}>
                    {r.name[locale]}
                    {r.url ? (
                      <>
                        {" – "}
                        <a href={r.url}>{t("privacyNotice")}</a>
                      </>
                    ) : null}
                  </li>
                ))}
            </ul>
            <p className="muted">{t("independentNote")}</p>
          </Fact>
        ) : null}
        <Fact label={t("fields.dataCategories")}>
          <ul className="category-list">
            {entry.dataCategories.map((id) => {
              const category = dataCategory(id);
              return (
                <li key={id} data-category={id}>
                  <span className="category-list__label">{category?.label[locale] ?? id}</span>
                  {category?.description ? <span className="muted"> – {category.description[locale]}</span> : null}
                </li>
              );
            })}
          </ul>
        </Fact>
        <Fact label={t("fields.purposes")}>
          <ul className="plain-list plain-list--bullets">
            {entry.purposes.map((p) => (
              <li key={p.en}>{p[locale]}</li>
            ))}
          </ul>
        </Fact>
        {entry.legalBases.length ? (
          <Fact label={t("fields.legalBases")}>
            <ul className="plain-list">
              {entry.legalBases.map((b) => (
                <li key={b.code} data-legal-basis={b.code}>
                  <strong>{t(`legalBasis.${b.code}`)}</strong>{" "}
                  <span className="muted">({t("legalBasisArticle", { code: b.code })})</span>
                  {b.applies ? <span className="fact-note">{b.applies[locale]}</span> : null}
                  {b.legitimateInterest ? (
                    <span className="fact-note">
                      {t("legitimateInterest", { interest: b.legitimateInterest[locale] })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact label={t("fields.retention")}>
          {entry.retention.rule[locale]}
          {entry.retention.backupDays ? (
            <span className="fact-note">{t("backup", { days: entry.retention.backupDays })}</span>
          ) : null}
        </Fact>
        {independent.length ? null : (
          <Fact label={t("fields.recipients")}>
            {recipients.length ? (
              <ul className="plain-list">
                {recipients.map((r) => (
                  <li key={r.id}>
                    <strong>{r.name[locale]}</strong> <span className="muted">({t(`recipientKind.${r.kind}`)})</span>
                    <span className="fact-note">
                      {r.role[locale]}
                      {r.address ? ` · ${r.address.street}, ${r.address.postalCode} ${r.address.city}` : ""}
                      {r.url ? (
                        <>
                          {" · "}
                          <a href={r.url}>{t("recipientList")}</a>
                        </>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              t("noRecipients")
            )}
          </Fact>
        )}
        <Fact label={t("fields.transfers")}>
          {entry.thirdCountryTransfers.length ? (
            <ul className="plain-list">
              {entry.thirdCountryTransfers.map((x) => (
                <li key={`${x.recipient}-${x.country}`} data-transfer-country={x.country}>
                  <strong>
                    {t("transfer", {
                      country: countryName(x.country, locale),
                      recipient: recipient(x.recipient)?.name[locale] ?? x.recipient,
                    })}
                  </strong>
                  <span className="fact-note">{t(`safeguard.${x.safeguard}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            t("noTransfers")
          )}
        </Fact>
        <Fact label={t("fields.sources")}>{entry.sources.map((s) => t(`source.${s}`)).join(" · ")}</Fact>
        <Fact label={t("fields.automatedDecisionMaking")}>
          {entry.automatedDecisionMaking.occurs ? (
            <>
              {entry.automatedDecisionMaking.logic[locale]}{" "}
              <span className="fact-note">{entry.automatedDecisionMaking.consequences[locale]}</span>
            </>
          ) : (
            t("noAutomatedDecision")
          )}
        </Fact>
        {entry.requestTypes.length ? (
          <Fact label={t("fields.requestTypes")}>
            <RequestLinks types={entry.requestTypes} locale={locale} />
          </Fact>
        ) : null}
      </dl>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
