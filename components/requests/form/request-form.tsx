"use client";
// One request form for every right: the common fields, the right's own fields, attachments, the
// notice on how the request's data are handled. Checked in the browser by the same function the
// server runs (lib/requests/intake/validate-request-form.ts), so most mistakes are caught before
// sending; the server checks everything again. Works without JavaScript as a plain form post.
import { startTransition, useActionState, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { submitRequestForm, type RequestFormState } from "@/app/[locale]/requests/new/[type]/actions";
import { errorsInFormOrder, summaryEntry } from "@/lib/requests/intake/error-summary";
import type { FieldError, FieldErrors } from "@/lib/requests/intake/field-errors";
import type { LabelledChoices } from "@/lib/requests/intake/form-choices";
import { validateRequestForm } from "@/lib/requests/intake/validate-request-form";
import type { RequestType } from "@/lib/requests/request-types";
import { AttachmentsField } from "./attachments-field";
import { useFieldErrorText } from "./field-error-text";
import { useFieldLabel } from "./field-label";
import { detailFields } from "./detail-fields";
import { fileThroughLane } from "./file-through-lane";
import { ChoiceGroup, fieldId, TextField } from "./fields";
import { useSignedInSubject } from "./use-signed-in-subject";

export interface RequestFormProps {
  type: RequestType;
  locale: "de" | "en";
  choices: LabelledChoices;
  limits: { files: number; megabytes: number };
  notice: { years: number; days: number; privacyHref: string };
}

const initial: RequestFormState = { errors: {}, values: {}, limitedMinutes: null, attempt: 0 };

export function RequestForm({ type, locale, choices, limits, notice }: RequestFormProps) {
  // The signed-in data subject's address: the request is filed under it, without a confirmation mail.
  const signedIn = useSignedInSubject();
  const signedInEmail = signedIn ?? null;
  const t = useTranslations("requests.form");
  const fieldErrorText = useFieldErrorText();
  const fieldLabel = useFieldLabel(type);
  // Not bound to the type: during server rendering a freshly bound action per render never settles.
  const [state, formAction, acting] = useActionState(submitRequestForm, initial);
  const [laneSending, startLaneSending] = useTransition();
  const pending = acting || laneSending;
  const router = useRouter();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const errors = clientErrors ?? state.errors;
  const errorCount = Object.keys(errors).length;
  const values = state.values;

  // Each answer with problems moves the focus to the summary, which reads them out (and links to each field).
  useEffect(() => {
    if (state.attempt > 0) summary.current?.focus();
  }, [state.attempt]);

  const ids = (list: { id: string }[]) => list.map((c) => c.id);
  function checkInBrowser(event: FormEvent<HTMLFormElement>) {
    // Sent before the browser knows who is signed in: an empty address may mean the session's, so the
    // server (which knows) checks this one alone.
    if (signedIn === undefined) return;
    const data = new FormData(event.currentTarget);
    const check = validateRequestForm(
      type,
      data,
      { categories: ids(choices.categories), processing: ids(choices.processing), consents: ids(choices.consents) },
      signedInEmail,
    );
    if (check.honeypot) return;
    const found: FieldErrors = check.ok ? {} : { ...check.errors };
    // What the browser can tell about the files: how many and how large (their content the server checks).
    const files = data.getAll("attachments").filter((f): f is File => typeof f !== "string" && f.name !== "");
    const tooLarge = files.find((f) => f.size > limits.megabytes * 1024 * 1024);
    if (files.length > limits.files) found.attachments = { code: "file_too_many", max: limits.files };
    else if (tooLarge) found.attachments = { code: "file_too_large", max: limits.megabytes, fileName: tooLarge.name };
    if (Object.keys(found).length === 0) {
      setClientErrors(null);
      // Someone not signed in: through the intake lane, the server action's work without Next.js's
      // routing of it. Signed in (or not yet known), the action itself, which reads the session.
      if (signedIn !== null) return;
      event.preventDefault();
      if (pending) return;
      startLaneSending(async () => {
        const location = await fileThroughLane(data);
        if (location) router.push(location);
        else startTransition(() => formAction(data));
      });
      return;
    }
    event.preventDefault();
    setClientErrors(found);
    // After React has shown the summary.
    requestAnimationFrame(() => summary.current?.focus());
  }

  const errorText = (field: string): string | undefined => {
    const error: FieldError | undefined = errors[field];
    return error ? fieldErrorText(error) : undefined;
  };
  const Details = detailFields[type];

  return (
    <form action={formAction} onSubmit={checkInBrowser} noValidate className="form-card request-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="type" value={type} />
      {errorCount > 0 || state.limitedMinutes ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} data-testid="error-summary">
          {state.limitedMinutes && !clientErrors ? (
            <p>{t("limited", { minutes: state.limitedMinutes })}</p>
          ) : (
            <>
              <h2 className="error-summary__title">{t("errorSummary", { count: errorCount })}</h2>
              <ul>
                {/* In the form's order, each naming its field: "Email address: Please enter this." */}
                {errorsInFormOrder(type, errors).map(([field, error]) => (
                  <li key={field}>
                    <a href={`#${fieldId(field)}`}>{summaryEntry(fieldLabel(field), fieldErrorText(error))}</a>
                  </li>
                ))}
              </ul>
              {!clientErrors ? <p>{t("attachmentsAgain")}</p> : null}
            </>
          )}
        </div>
      ) : null}
      <p className="field__hint">{t("required")}</p>

      <h2>{t("yourRequest")}</h2>
      <Details values={values} errorText={errorText} choices={choices} />

      <h2>{t("aboutYou")}</h2>
      {signedInEmail ? (
        <p className="callout" data-testid="signed-in-notice">
          {t("signedInAs", { email: signedInEmail })}
        </p>
      ) : (
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          label={t("email")}
          hint={t("emailHint")}
          error={errorText("email")}
          defaultValue={typeof values.email === "string" ? values.email : ""}
        />
      )}
      <TextField
        name="name"
        autoComplete="name"
        label={t("name")}
        hint={t("nameHint")}
        error={errorText("name")}
        defaultValue={typeof values.name === "string" ? values.name : ""}
      />
      <ChoiceGroup
        name="language"
        label={t("language")}
        error={errorText("language")}
        choices={(["de", "en"] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        selected={[typeof values.language === "string" && values.language ? values.language : locale]}
      />
      <AttachmentsField error={errors.attachments} limits={limits} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="request-website">{t("honeypot")}</label>
        <input id="request-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <section className="notice-box" aria-labelledby="request-notice-title">
        <h2 id="request-notice-title" className="notice-box__title">
          {t("noticeTitle")}
        </h2>
        {(["use", "identity", "retention"] as const).map((part) => (
          <p key={part}>{t(`notice.${part}`, { years: notice.years, days: notice.days })}</p>
        ))}
        <p>
          <a href={notice.privacyHref}>{t("privacyLink")}</a>
        </p>
      </section>

      <button type="submit" className="button" aria-disabled={pending || undefined}>
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
