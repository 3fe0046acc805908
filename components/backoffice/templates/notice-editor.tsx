"use client";

import { useActionState } from "react";
import { saveNoticeTextAction, type NoticeEditorState } from "@/app/[locale]/backoffice/templates/actions";
import { Field } from "@/components/backoffice/staff/invite-form";
import { NOTICE_BODY_MAX, NOTICE_NOTE_MAX, NOTICE_SUBJECT_MAX } from "@/lib/backoffice/templates/notice-text-limits";
import { NoticePreview, type NoticePreviewText } from "./notice-preview";

export interface NoticeEditorText {
  subject: string;
  body: string;
  bodyHint: string;
  note: string;
  preview: string;
  save: string;
  saving: string;
  previewUnsaved: string;
  previewBox: NoticePreviewText;
  /** Message per error code, its {name} params filled from the error (a part by its name in partNames). */
  errors: Record<string, string>;
  partNames: Record<string, string>;
}

/**
 * The DPO's editor of one notice text: subject, body, a note; "Preview" renders the typed text with
 * sample values, "Save" adds a version. Works without JavaScript (a server action's form); a refused
 * save keeps what was typed and ties each message to its field. Texts come translated from the page.
 */
export function NoticeEditor({
  hidden,
  initial,
  initialPreview,
  text,
}: {
  hidden: Record<"locale" | "action" | "scope" | "language", string>;
  initial: { subject: string; body: string };
  initialPreview: { subject: string; text: string };
  text: NoticeEditorText;
}) {
  const start: NoticeEditorState = { errors: {}, values: { ...initial, note: "" }, preview: null };
  const [state, action, pending] = useActionState(saveNoticeTextAction, start);
  const message = (error: { code: string; params: Record<string, string> } | undefined): string | null => {
    if (!error) return null;
    const template = text.errors[error.code] ?? text.errors.invalid ?? error.code;
    const params: Record<string, string> = { ...error.params };
    if (params.part) params.part = text.partNames[params.part] ?? params.part;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  };
  const formError = message(state.errors.form);
  return (
    <>
      <form action={action} noValidate className="form-card notice-editor">
        {formError ? (
          <p className="field__error" role="alert">
            {formError}
          </p>
        ) : null}
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Field id="notice-subject" label={text.subject} error={message(state.errors.subject)}>
          {(a11y) => (
            <input
              {...a11y}
              name="subject"
              type="text"
              maxLength={NOTICE_SUBJECT_MAX}
              defaultValue={state.values.subject}
            />
          )}
        </Field>
        <Field id="notice-body" label={text.body} error={message(state.errors.body)}>
          {(a11y) => (
            <>
              <p id="notice-body-hint" className="muted">
                {text.bodyHint}
              </p>
              <textarea
                {...a11y}
                aria-describedby={[a11y["aria-describedby"], "notice-body-hint"].filter(Boolean).join(" ")}
                name="body"
                rows={16}
                maxLength={NOTICE_BODY_MAX}
                defaultValue={state.values.body}
              />
            </>
          )}
        </Field>
        <Field id="notice-note" label={text.note} error={message(state.errors.note)}>
          {(a11y) => (
            <input {...a11y} name="note" type="text" maxLength={NOTICE_NOTE_MAX} defaultValue={state.values.note} />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            {text.preview}
          </button>
          <button type="submit" name="intent" value="save" className="button" aria-disabled={pending || undefined}>
            {pending ? text.saving : text.save}
          </button>
        </div>
      </form>
      <NoticePreview
        preview={state.preview ?? initialPreview}
        text={text.previewBox}
        note={state.preview ? text.previewUnsaved : null}
      />
    </>
  );
}
