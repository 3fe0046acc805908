// The mails sent for the request with their delivery state from the outbox (lib/mail/outbox). The
// fulfilment tasks have their own panel (./case-fulfilment.tsx).
import { getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/backoffice/case/load-case-file";
import { portalFormat } from "@/lib/format/portal-format";

export async function CaseMails({ mails, locale }: { mails: CaseFile["mails"]; locale: "de" | "en" }) {
  const [t, tLanguages] = await Promise.all([
    getTranslations("backofficeCase.mails"),
    getTranslations("backofficeCase.languages"),
  ]);
  const format = portalFormat(locale);
  return (
    <section aria-labelledby="mails-title" className="case-section" data-testid="case-mails">
      <h2 id="mails-title">{t("title")}</h2>
      {mails.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("template")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("language")}</th>
                <th scope="col">{t("queued")}</th>
                <th scope="col">{t("state")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id} data-template={mail.template}>
                  <td>
                    <code>{mail.template}</code>
                    {mail.text ? (
                      <span className="muted" data-testid="case-mail-text">
                        {" "}
                        {mail.text === "default"
                          ? t("textDefault")
                          : t("textVersion", { version: mail.text.version, scope: mail.text.requestType })}
                      </span>
                    ) : null}
                  </td>
                  <td>{mail.to}</td>
                  <td>{tLanguages(mail.language === "en" ? "en" : "de")}</td>
                  <td>{format.dateTime(mail.queuedAt)}</td>
                  <td>
                    <span className={`badge badge--${mail.status}`}>{t(`states.${mail.status}`)}</span>{" "}
                    {mail.sentAt ? format.dateTime(mail.sentAt) : t("attempts", { count: mail.attempts })}
                    {mail.lastError ? <span className="muted"> — {mail.lastError}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
