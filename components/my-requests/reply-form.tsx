"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { replyToRequest, type ReplyFormState } from "@/app/[locale]/my/requests/[reference]/actions";

const initial: ReplyFormState = { error: null, message: "" };

/**
 * The subject's words to the team: an answer to its question (mode "answer") or a message.
 * A server action behind useActionState: without JavaScript the browser posts it and the
 * server answers with the page; with JavaScript it stays in place. On error the field
 * takes the focus, so the announced message belongs to it.
 */
export function ReplyForm({
  locale,
  reference,
  mode,
}: {
  locale: "de" | "en";
  reference: string;
  mode: "answer" | "message";
}) {
  const t = useTranslations("caseThread");
  const [state, action, pending] = useActionState(replyToRequest, initial);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.error) field.current?.focus();
  }, [state]);
  const id = `reply-${mode}`;
  const errorText = {
    empty: t("errorEmpty"),
    too_long: t("errorTooLong"),
    not_possible: t("errorNotPossible"),
    conflict: t("errorConflict"),
  };
  return (
    <form action={action} noValidate className="form-card" data-testid={`${mode}-form`}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="mode" value={mode} />
      <div className="field">
        <label htmlFor={id}>{mode === "answer" ? t("answerLabel") : t("messageLabel")}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t("messageHint")}
        </p>
        <textarea
          id={id}
          name="message"
          rows={6}
          maxLength={10_000}
          required
          defaultValue={state.message}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? `${id}-hint ${id}-error` : `${id}-hint`}
          ref={field}
          autoFocus={Boolean(state.error)}
          className="input input--multiline"
        />
        {state.error ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {errorText[state.error]}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" aria-disabled={pending || undefined}>
        {pending ? t("sending") : mode === "answer" ? t("answerSubmit") : t("messageSubmit")}
      </button>
    </form>
  );
}
