// The due date and how the deadline engine reached it (lib/deadlines): receipt, month counting
// (Art. 12(3); Reg. 1182/71), pauses while waiting for the subject, extension, weekends and holidays.
import { getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/backoffice/case/load-case-file";
import { portalFormat } from "@/lib/format/portal-format";

export async function CaseDeadline({ deadline, locale }: { deadline: CaseFile["deadline"]; locale: "de" | "en" }) {
  const [t, tSkip] = await Promise.all([
    getTranslations("backofficeCase.deadline"),
    getTranslations("backofficeCase.skip"),
  ]);
  const format = portalFormat(locale);
  return (
    <section aria-labelledby="deadline-title" className="case-section" data-testid="case-deadline">
      <h2 id="deadline-title">{t("title")}</h2>
      {deadline ? (
        <>
          <p className="case-deadline__due">
            <strong>{t("due", { date: format.day(deadline.storedDueDate ?? deadline.due) })}</strong>
          </p>
          <ol className="case-deadline__steps">
            <li>{t("received", { date: format.day(deadline.receiptDate) })}</li>
            {deadline.extendedAt ? (
              <li>
                {t("extended", { date: format.date(deadline.extendedAt), firstDue: format.day(deadline.firstDue) })}
              </li>
            ) : null}
            <li>{t("months", { months: deadline.months, date: format.day(deadline.naiveDue) })}</li>
            <li>{deadline.clockPolicy === "running" ? t("pausedNone") : t("paused", { days: deadline.pausedDays })}</li>
            {deadline.skipped.length > 0 ? (
              <li>
                {t("skipped", {
                  days: deadline.skipped.map((s) => tSkip(s.reason, { date: format.day(s.date) })).join(", "),
                })}
              </li>
            ) : null}
            <li>{t("final", { date: format.day(deadline.due) })}</li>
          </ol>
          {deadline.storedDueDate && deadline.storedDueDate !== deadline.due ? (
            <p className="notice">{t("mismatch", { stored: format.day(deadline.storedDueDate) })}</p>
          ) : null}
          <details className="case-deadline__engine">
            <summary>{t("engine")}</summary>
            <ul lang="en">
              {deadline.reasoning.map((sentence, i) => (
                <li key={i}>{sentence}</li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        <p>{t("none")}</p>
      )}
    </section>
  );
}
