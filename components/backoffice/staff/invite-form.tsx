"use client";

import { useActionState } from "react";
import { inviteStaffMember, type InviteFormState } from "@/app/[locale]/backoffice/staff/actions";
import { staffRoles } from "@/lib/requests/workflow/actor";

export interface InviteFormText {
  title: string;
  hint: string;
  email: string;
  name: string;
  role: string;
  language: string;
  submit: string;
  sending: string;
  roles: Record<(typeof staffRoles)[number], string>;
  languages: { de: string; en: string };
  /** Message per error code (field and refusal codes); `invalid` for any other. */
  errors: Record<string, string>;
}

const initial: InviteFormState = { errors: {}, values: { email: "", name: "", role: "privacy_team", locale: "" } };

/**
 * The admin's invitation form. Works without JavaScript (a server action's form); on an error it keeps
 * what was typed and ties each message to its field. Texts come translated from the server page.
 */
export function InviteForm({ locale, text }: { locale: "de" | "en"; text: InviteFormText }) {
  const [state, action, pending] = useActionState(inviteStaffMember, initial);
  const message = (code: string | undefined): string | null =>
    code ? (text.errors[code] ?? text.errors.invalid ?? code) : null;
  const emailError = message(state.errors.email);
  const nameError = message(state.errors.name);
  const roleError = message(state.errors.role);
  const formError = message(state.errors.form);
  return (
    <form action={action} noValidate className="form-card staff-invite" aria-labelledby="invite-title">
      <h2 id="invite-title">{text.title}</h2>
      <p className="muted">{text.hint}</p>
      {formError ? (
        <p className="field__error" role="alert" data-testid="invite-error">
          {formError}
        </p>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <div className="staff-invite__fields">
        <Field id="invite-email" label={text.email} error={emailError}>
          {(a11y) => (
            <input
              {...a11y}
              name="email"
              type="email"
              autoComplete="off"
              required
              maxLength={254}
              defaultValue={state.values.email}
            />
          )}
        </Field>
        <Field id="invite-name" label={text.name} error={nameError}>
          {(a11y) => (
            <input
              {...a11y}
              name="name"
              type="text"
              autoComplete="off"
              maxLength={200}
              defaultValue={state.values.name}
            />
          )}
        </Field>
        <Field id="invite-role" label={text.role} error={roleError}>
          {(a11y) => (
            <select {...a11y} name="role" defaultValue={state.values.role || "privacy_team"}>
              {staffRoles.map((role) => (
                <option key={role} value={role}>
                  {text.roles[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="invite-locale" label={text.language} error={null}>
          {(a11y) => (
            <select {...a11y} name="inviteLocale" defaultValue={state.values.locale || locale}>
              <option value="de">{text.languages.de}</option>
              <option value="en">{text.languages.en}</option>
            </select>
          )}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          {pending ? text.sending : text.submit}
        </button>
      </div>
    </form>
  );
}

export interface FieldA11y {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** A labelled control with its error message tied to it (aria-describedby). */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | null;
  children: (a11y: FieldA11y) => React.ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
