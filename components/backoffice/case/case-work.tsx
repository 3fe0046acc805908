// Fulfilment tasks (empty until the fulfilment issue adds them) and the mails sent for the request
// with their delivery state from the outbox (lib/mail/outbox).
import { getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/backoffice/case/load-case-file";
import { portalFormat } from "@/lib/format/portal-format";

export async function CaseTasks({ tasks }: { tasks: CaseFile["tasks"] }) {
  const t = await getTranslations("backofficeCase.tasks");
  return (
    <section aria-labelledby="tasks-title" className="case-section" data-testid="case-tasks">
      <h2 id="tasks-title">{t("title")}</h2>
      {tasks.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("task")}</th>
                <th scope="col">{t("system")}</th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id}>
                  <td>{task.title}</td>
                  <td>{task.system ?? "–"}</td>
                  <td>{task.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

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
