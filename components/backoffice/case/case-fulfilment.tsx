// The case file's "Fulfilment" panel: every task (system, step, status, what was found or done per record
// type, exemptions, attempts, last error) and which required tasks block completion, with the two steps a
// caseworker may take on a task (retry; not applicable with a note). Plain forms: they work without
// JavaScript. Display only: lib/backoffice/case/task-steps.ts checks the role again.
import { getTranslations } from "next-intl/server";
import {
  retryTaskAction,
  markTaskNotApplicableAction,
} from "@/app/[locale]/backoffice/requests/[reference]/task-actions";
import type { CaseFile, CaseTask } from "@/lib/backoffice/case/load-case-file";
import { portalFormat } from "@/lib/format/portal-format";

type Translate = Awaited<ReturnType<typeof getTranslations<"backofficeFulfilment">>>;

export async function CaseFulfilment({
  file,
  locale,
  mayAct,
  done,
  error,
}: {
  file: CaseFile;
  locale: "de" | "en";
  mayAct: boolean;
  /** The step just taken (from the redirect), or null. */
  done: "retried" | "not_applicable" | null;
  error: { taskId: string; code: string } | null;
}) {
  const t = await getTranslations({ locale, namespace: "backofficeFulfilment" });
  const tasks = file.tasks;
  const finished = tasks.filter((task) => ["done", "not_applicable", "cancelled"].includes(task.status)).length;
  const stepName = (step: string | null) => (step ? t(`steps.${step}` as "steps.export") : "–");
  return (
    <section
      aria-labelledby="fulfilment-title"
      className="case-section"
      data-testid="case-fulfilment"
      id="case-fulfilment"
    >
      <h2 id="fulfilment-title">{t("panel.title")}</h2>
      <p className="field__hint">{t("panel.intro")}</p>
      {done ? (
        <p className="notice" role="status" data-testid="task-done">
          {t(`panel.done.${done}`)}
        </p>
      ) : null}
      {tasks.length === 0 ? (
        <p>{t("panel.none")}</p>
      ) : (
        <>
          <p data-testid="fulfilment-summary">{t("panel.summary", { finished, total: tasks.length })}</p>
          {file.blockingTasks.length > 0 ? (
            <p className="callout callout--warning" data-testid="fulfilment-blocking">
              {t("panel.blocking", {
                tasks: file.blockingTasks
                  .map((b) => `${b.name} (${stepName(b.step)}: ${t(`statuses.${b.status}`)})`)
                  .join("; "),
              })}
            </p>
          ) : (
            <p data-testid="fulfilment-blocking">{t("panel.noneBlocking")}</p>
          )}
          <div className="table-wrap">
            <table className="table" data-testid="fulfilment-tasks">
              <thead>
                <tr>
                  <th scope="col">{t("panel.system")}</th>
                  <th scope="col">{t("panel.step")}</th>
                  <th scope="col">{t("panel.status")}</th>
                  <th scope="col">{t("panel.records")}</th>
                  <th scope="col">{t("panel.attempts")}</th>
                  {mayAct ? <th scope="col">{t("panel.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    file={file}
                    locale={locale}
                    mayAct={mayAct}
                    error={error?.taskId === task.id ? error.code : null}
                    t={t}
                    stepName={stepName}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {!mayAct ? <p className="field__hint">{t("panel.readOnly")}</p> : null}
        </>
      )}
    </section>
  );
}

function TaskRow({
  task,
  file,
  locale,
  mayAct,
  error,
  t,
  stepName,
}: {
  task: CaseTask;
  file: CaseFile;
  locale: "de" | "en";
  mayAct: boolean;
  error: string | null;
  t: Translate;
  stepName: (step: string | null) => string;
}) {
  const format = portalFormat(locale);
  const unfinished = ["open", "running", "failed", "dead_lettered"].includes(task.status);
  const retryable = task.status === "failed" || task.status === "dead_lettered";
  const noteId = `task-note-${task.id}`;
  const errorId = `task-error-${task.id}`;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="reference" value={file.reference} />
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
    </>
  );
  return (
    <tr data-testid="fulfilment-task" data-system={task.system ?? ""} data-status={task.status} id={`task-${task.id}`}>
      <th scope="row">
        {task.connectorName ?? task.title}{" "}
        <span className="muted">({task.required ? t("panel.required") : t("panel.optional")})</span>
      </th>
      <td>{stepName(task.step)}</td>
      <td>
        <span className={`badge badge--${task.status}`}>{t(`statuses.${task.status}`)}</span>
        {task.status === "failed" && task.nextAttemptAt ? (
          <span className="muted"> — {t("panel.nextAttempt", { date: format.dateTime(task.nextAttemptAt) })}</span>
        ) : null}
        {task.lastError && unfinished ? (
          <p className="field__hint" data-testid="task-last-error">
            {t("panel.lastError", { error: task.lastError })}
          </p>
        ) : null}
        {task.note ? <p className="field__hint">{t("panel.note", { note: task.note })}</p> : null}
      </td>
      <td>
        {task.records.length === 0 ? (
          <span className="muted">{t("panel.noRecords")}</span>
        ) : (
          <ul className="plain-list" data-testid="task-records">
            {task.records.map((record, i) => (
              <li key={`${record.recordType}-${i}`}>
                <code>{record.recordType}</code>: {format.number(record.count)}{" "}
                {t(`actionsWords.${record.action}` as "actionsWords.found")}
                {record.exemption ? (
                  <span className="field__hint" data-testid="task-exemption">
                    {" "}
                    {t("panel.exemption", {
                      article: `Art. ${record.exemption.article} GDPR`,
                      law: record.exemption.law ?? "none",
                      explanation: record.exemption.explanation[locale],
                    })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {task.progress.done > 0 || task.progress.total !== null ? (
          <p className="field__hint">
            {task.progress.total === null
              ? t("panel.progressUnknown", { done: task.progress.done })
              : t("panel.progress", { done: task.progress.done, total: task.progress.total })}
          </p>
        ) : null}
      </td>
      <td>{format.number(task.attempts)}</td>
      {mayAct ? (
        <td>
          {error ? (
            <p className="field__error" id={errorId} role="alert" data-testid="task-error">
              {t(`panel.errors.${error}` as "panel.errors.conflict")}
            </p>
          ) : null}
          {retryable ? (
            <form action={retryTaskAction}>
              {hidden}
              <button type="submit" className="button button--secondary button--small" data-testid="task-retry">
                {t("panel.retry")}
              </button>
            </form>
          ) : null}
          {unfinished ? (
            <details open={error !== null}>
              <summary>{t("panel.notApplicable")}</summary>
              <form action={markTaskNotApplicableAction}>
                {hidden}
                <label htmlFor={noteId}>{t("panel.notApplicableNote")}</label>
                <textarea
                  id={noteId}
                  name="note"
                  required
                  maxLength={2000}
                  rows={3}
                  aria-describedby={error ? errorId : undefined}
                  data-testid="task-note"
                />
                <button
                  type="submit"
                  className="button button--secondary button--small"
                  data-testid="task-not-applicable"
                >
                  {t("panel.notApplicableSubmit")}
                </button>
              </form>
            </details>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
