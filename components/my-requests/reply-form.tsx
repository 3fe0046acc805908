"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { replyToRequest, type ReplyFormState } from "@/app/[locale]/my/requests/[reference]/actions";
import { AttachmentsField } from "@/components/requests/form/attachments-field";
import { TextAreaField } from "./text-area-field";

const initial: ReplyFormState = { error: null, message: "" };

/**
 * The subject's words to the team: an answer to its question (mode "answer") or a message.
 * A server action behind useActionState: without JavaScript the browser posts it and the
 * server answers with the page; with JavaScript it stays in place.
 */
export function ReplyForm({
  locale,
  reference,
  mode,
  limits,
}: {
  locale: "de" | "en";
  reference: string;
  mode: "answer" | "message";
  limits: { files: number; megabytes: number };
}) {
  const t = useTranslations("caseThread");
  const [state, action, pending] = useActionState(replyToRequest, initial);
  const errorText = {
    empty: t("errorEmpty"),
    too_long: t("errorTooLong"),
    not_possible: t("errorNotPossible"),
    conflict: t("errorConflict"),
    limited: t("errorLimited", { minutes: state.retryMinutes ?? 1 }),
    limited_files: t("errorLimitedFiles", { minutes: state.retryMinutes ?? 1 }),
  };
  return (
    <form action={action} noValidate className="form-card" data-testid={`${mode}-form`}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="reference" value={reference} />
      <TextAreaField
        id={`reply-${mode}`}
        name="message"
        label={mode === "answer" ? t("answerLabel") : t("messageLabel")}
        hint={t("messageHint")}
        error={state.error ? errorText[state.error] : null}
        attempt={state}
        defaultValue={state.message}
        rows={6}
        maxLength={10_000}
        required
      />
      <AttachmentsField name={`attachments`} error={state.fileError} limits={limits} />
      <button type="submit" className="button" aria-disabled={pending || undefined}>
        {pending ? t("sending") : mode === "answer" ? t("answerSubmit") : t("messageSubmit")}
      </button>
    </form>
  );
}
