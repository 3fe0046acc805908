"use client";
// Files sent with a request or a message: PDF, PNG or JPEG, checked again on the server by their
// first bytes (lib/attachments/check-uploads.ts). One field for the request forms and the case page.
import { useTranslations } from "next-intl";
import type { FieldError } from "@/lib/requests/intake/field-errors";
import { useFieldErrorText } from "./field-error-text";
import { fieldId } from "./fields";

export function AttachmentsField({
  error,
  limits,
  name = "attachments",
}: {
  error?: FieldError | null;
  limits: { files: number; megabytes: number };
  name?: string;
}) {
  const t = useTranslations("requests.form");
  const errorText = useFieldErrorText();
  const id = fieldId(name);
  return (
    <div className="field">
      <label htmlFor={id}>{t("attachments")}</label>
      <p id={`${id}-hint`} className="field__hint">
        {t("attachmentsHint", limits)}
      </p>
      <input
        id={id}
        name={name}
        type="file"
        multiple
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className="input input--file"
      />
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
    </div>
  );
}
