"use client";
// One case command's form. A server action behind useActionState: without JavaScript the browser
// posts it and the server answers with the page (errors and typed words kept); with JavaScript it
// stays in place. Refusals post twice: "Preview" shows the notice as it will be sent, "Send" sends it.
import { useActionState, useMemo } from "react";
import { createTranslator } from "next-intl";
import { runCaseStep, type CaseFormState } from "@/app/[locale]/backoffice/requests/[reference]/actions";
import { TextAreaField } from "@/components/my-requests/text-area-field";
import type { CaseCommand } from "@/lib/backoffice/case/case-commands";
import type caseMessages from "@/lib/i18n/messages/backoffice/case.en.json";
import { refusalGrounds } from "@/lib/backoffice/case/refusal-grounds";

const initial: CaseFormState = { values: {}, fieldErrors: {}, formError: null, preview: null };

export interface CaseFormProps {
  locale: "de" | "en";
  reference: string;
  version: number;
  command: CaseCommand;
  /** "Take the case": an assignment to the viewer, one button. */
  take?: boolean;
  assignees?: Array<{ id: string; label: string }>;
  currentAssigneeId?: string | null;
  /** The supervisory authority the refusal names unless changed (content/controller.ts). */
  authority?: string;
  /** REOPEN_DAYS: how long after closing a case may be reopened (the reopen form says so). */
  reopenDays?: number;
  /**
   * The words of these forms ("backofficeCase.actions"), handed down by the page: only the case file
   * needs them, so they do not travel with every page's messages (lib/i18n/client-messages.ts).
   */
  words: (typeof caseMessages)["actions"];
}

export function CaseCommandForm(props: CaseFormProps) {
  const { locale, reference, version, command, take } = props;
  const { words } = props;
  const t = useMemo(
    () => createTranslator({ locale, messages: { actions: words }, namespace: "actions" }),
    [locale, words],
  );
  const [state, action, pending] = useActionState(runCaseStep, initial);
  const id = `${take ? "take" : command}`;
  const value = (name: string, fallback = "") => {
    const v = state.values[name];
    return typeof v === "string" ? v : fallback;
  };
  const area = (name: string, label: string, hint: string, rows = 4, required = true) => (
    <TextAreaField
      id={`${id}-${name}`}
      name={name}
      label={label}
      hint={hint}
      error={state.fieldErrors[name] ?? null}
      attempt={state}
      defaultValue={value(name, name === "complaintAuthority" ? (props.authority ?? "") : "")}
      rows={rows}
      maxLength={10_000}
      required={required}
    />
  );
  const refusal = command === "refuse" || command === "partially_complete";
  const path = `/${locale}/backoffice/requests/${encodeURIComponent(reference)}`;
  return (
    <form
      action={action}
      noValidate
      className="form-card case-form"
      data-testid={`case-form-${id}`}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{t(`commands.${take ? "take" : command}`)}</h3>
      {take ? null : (
        <p className="field__hint">
          {command === "reopen" ? t("intros.reopen", { days: props.reopenDays ?? 0 }) : t(`intros.${command}`)}
        </p>
      )}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="command" value={command} />
      <input type="hidden" name="version" value={version} />
      {take ? <input type="hidden" name="take" value="yes" /> : null}
      {state.formError ? (
        <div className="notice case-form__error" role="alert" data-testid="case-form-error">
          <p>{state.formError.text}</p>
          {state.formError.code === "conflict" ? (
            <p>
              <a href={path}>{t("reload")}</a>
            </p>
          ) : null}
        </div>
      ) : null}

      {command === "assign" && !take ? (
        <div className="field">
          <label htmlFor={`${id}-assigneeId`}>{t("fields.assigneeId")}</label>
          <select
            id={`${id}-assigneeId`}
            name="assigneeId"
            className="input"
            defaultValue={value("assigneeId", props.currentAssigneeId ?? "")}
            aria-invalid={state.fieldErrors.assigneeId ? true : undefined}
          >
            <option value="">{t("fields.nobody")}</option>
            {(props.assignees ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {command === "request_information" ? (
        <>
          <fieldset className="choice-group" aria-invalid={state.fieldErrors.reason ? true : undefined}>
            <legend>{t("fields.reason")}</legend>
            {(["identity", "clarification"] as const).map((reason) => (
              <label key={reason} className="choice">
                <input
                  type="radio"
                  name="reason"
                  value={reason}
                  defaultChecked={value("reason", "clarification") === reason}
                />{" "}
                {t(reason === "identity" ? "fields.reasonIdentity" : "fields.reasonClarification")}
              </label>
            ))}
            {state.fieldErrors.reason ? (
              <p className="field__error" role="alert">
                {state.fieldErrors.reason}
              </p>
            ) : null}
          </fieldset>
          {area("message", t("fields.message"), t("fields.messageHint"), 6)}
        </>
      ) : null}
      {command === "send_message" ? area("message", t("fields.message"), t("fields.messageHint"), 6) : null}
      {command === "resume" ? area("note", t("fields.resumeNote"), t("fields.optionalHint"), 3, false) : null}
      {command === "extend" ? area("reason", t("fields.extendReason"), t("fields.extendHint")) : null}
      {command === "complete" || command === "partially_complete"
        ? area("summary", t("fields.summary"), t("fields.summaryHint"))
        : null}
      {command === "withdraw" ? area("reason", t("fields.withdrawReason"), t("fields.withdrawHint"), 3, false) : null}
      {command === "add_note" ? area("note", t("fields.note"), t("fields.noteHint")) : null}
      {command === "announce_fee" ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-amount`}>{t("fields.amount")}</label>
            <p id={`${id}-amount-hint`} className="field__hint">
              {t("fields.amountHint")}
            </p>
            <input
              id={`${id}-amount`}
              name="amount"
              className="input"
              inputMode="decimal"
              autoComplete="off"
              required
              maxLength={20}
              defaultValue={value("amount")}
              aria-invalid={state.fieldErrors.amount ? true : undefined}
              aria-describedby={state.fieldErrors.amount ? `${id}-amount-hint ${id}-amount-error` : `${id}-amount-hint`}
            />
            {state.fieldErrors.amount ? (
              <p id={`${id}-amount-error`} className="field__error" role="alert">
                {state.fieldErrors.amount}
              </p>
            ) : null}
          </div>
          {area("reasons", t("fields.feeReasons"), t("fields.feeReasonsHint"), 6)}
        </>
      ) : null}
      {command === "reopen" ? area("reason", t("fields.reopenReason"), t("fields.reopenHint"), 3) : null}
      {command === "mark_spam" ? area("note", t("fields.spamNote"), t("fields.spamHint"), 3, false) : null}
      {refusal ? (
        <>
          <fieldset className="choice-group">
            <legend>{t("fields.grounds")}</legend>
            <p className="field__hint">{t("fields.groundsHint")}</p>
            {refusalGrounds.map((ground) => (
              <label key={ground} className="choice">
                <input
                  type="checkbox"
                  name="grounds"
                  value={ground}
                  defaultChecked={Array.isArray(state.values.grounds) ? state.values.grounds.includes(ground) : false}
                />{" "}
                {t(`fields.groundNames.${ground}`)}
              </label>
            ))}
            {state.fieldErrors.grounds ? (
              <p className="field__error" role="alert">
                {state.fieldErrors.grounds}
              </p>
            ) : null}
          </fieldset>
          {area("legalBasis", t("fields.legalBasis"), t("fields.legalBasisHint"), 2, false)}
          {area("reasons", t("fields.reasons"), t("fields.reasonsHint"), 6)}
          {area("complaintAuthority", t("fields.complaintAuthority"), t("fields.complaintHint"), 2)}
          <div className="field">
            <label className="choice">
              <input
                type="checkbox"
                name="judicialRemedy"
                value="yes"
                defaultChecked={state.values.judicialRemedy === undefined || state.values.judicialRemedy === "yes"}
                aria-invalid={state.fieldErrors.judicialRemedy ? true : undefined}
              />{" "}
              {t("fields.judicialRemedy")}
            </label>
            {state.fieldErrors.judicialRemedy ? (
              <p className="field__error" role="alert">
                {state.fieldErrors.judicialRemedy}
              </p>
            ) : null}
          </div>
        </>
      ) : null}

      {state.preview ? (
        <section className="case-preview" aria-labelledby={`${id}-preview-title`} data-testid="notice-preview">
          <h4 id={`${id}-preview-title`}>{t("previewTitle")}</h4>
          <p>{t("previewIntro")}</p>
          <p>
            <strong>{state.preview.subject}</strong>
          </p>
          <pre className="mail-text case-preview__text">{state.preview.text}</pre>
        </section>
      ) : null}
      <div className="button-row">
        {refusal ? (
          <>
            <button
              type="submit"
              name="step"
              value="preview"
              className={state.preview ? "button button--secondary" : "button"}
              aria-disabled={pending || undefined}
            >
              {t("preview")}
            </button>
            {state.preview ? (
              <button type="submit" name="step" value="send" className="button" aria-disabled={pending || undefined}>
                {t("send")}
              </button>
            ) : null}
          </>
        ) : (
          <button
            type="submit"
            className={take ? "button button--secondary" : "button"}
            aria-disabled={pending || undefined}
          >
            {pending ? t("pending") : take ? t("commands.take") : t(`commands.${command}`)}
          </button>
        )}
      </div>
    </form>
  );
}
