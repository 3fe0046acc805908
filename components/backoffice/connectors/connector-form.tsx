"use client";
// The DPO's form for one connector: common fields, owner, register entries, and the chosen kind's settings.
// Works without JavaScript (a server action's form); on an error it keeps what was typed and ties each
// message to its field. Texts come translated from the server page.
import { useActionState } from "react";
import { saveConnectorAction, type ConnectorFormState } from "@/app/[locale]/backoffice/connectors/actions";
import { Field } from "@/components/backoffice/staff/invite-form";
import type { ConnectorFormValues } from "@/lib/backoffice/connectors/connector-form";

export interface ConnectorFormText {
  title: string;
  labels: Record<
    | "name"
    | "key"
    | "keyHint"
    | "kind"
    | "owner"
    | "ownerNone"
    | "ownerStaff"
    | "ownerOutsideName"
    | "ownerOutsideEmail"
    | "ownerHint"
    | "registerEntries"
    | "required"
    | "requiredHint"
    | "enabled"
    | "enabledHint"
    | "baseUrl"
    | "baseUrlHint"
    | "domain"
    | "certificatePem"
    | "timeoutMs"
    | "instructionsDe"
    | "instructionsEn"
    | "kindFieldsHint"
    | "processorFields"
    | "manualFields"
    | "save"
    | "cancel"
    | "errorSummary",
    string
  >;
  kinds: Record<string, string>;
  errors: Record<string, string>;
}

export function ConnectorForm({
  locale,
  connectorId,
  values,
  owners,
  entries,
  text,
  cancelHref,
}: {
  locale: "de" | "en";
  /** null: a new connector. */
  connectorId: string | null;
  values: ConnectorFormValues;
  owners: Array<{ id: string; label: string }>;
  entries: Array<{ id: string; label: string }>;
  text: ConnectorFormText;
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState<ConnectorFormState, FormData>(saveConnectorAction, {
    values,
    errors: {},
  });
  const v = state.values;
  const error = (field: string): string | null => {
    const code = (state.errors as Record<string, string | undefined>)[field];
    return code ? (text.errors[code] ?? text.errors.invalid ?? code) : null;
  };
  const hasErrors = Object.keys(state.errors).length > 0;
  const l = text.labels;
  const editing = connectorId !== null;
  return (
    <form
      action={action}
      noValidate
      className="form-card"
      aria-labelledby="connector-form-title"
      data-testid="connector-form"
    >
      <h2 id="connector-form-title">{text.title}</h2>
      {hasErrors ? (
        <p className="field__error" role="alert" data-testid="connector-form-error">
          {error("form") ?? l.errorSummary}
        </p>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="connectorId" value={connectorId ?? ""} />
      <Field id="connector-name" label={l.name} error={error("name")}>
        {(a11y) => <input {...a11y} name="name" type="text" maxLength={200} required defaultValue={v.name} />}
      </Field>
      <Field id="connector-key" label={l.key} error={error("key")}>
        {(a11y) => (
          <>
            <input
              {...a11y}
              name="key"
              type="text"
              maxLength={40}
              required
              readOnly={editing}
              defaultValue={v.key}
              aria-describedby={[a11y["aria-describedby"], "connector-key-hint"].filter(Boolean).join(" ")}
            />
            <p className="field__hint" id="connector-key-hint">
              {l.keyHint}
            </p>
          </>
        )}
      </Field>
      <Field id="connector-kind" label={l.kind} error={error("kind")}>
        {(a11y) => (
          <select {...a11y} name="kind" defaultValue={v.kind} disabled={editing}>
            {Object.entries(text.kinds).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="field" aria-describedby="connector-owner-hint">
        <legend>{l.owner}</legend>
        <p className="field__hint" id="connector-owner-hint">
          {l.ownerHint}
        </p>
        {error("owner") ? (
          <p className="field__error" role="alert">
            {error("owner")}
          </p>
        ) : null}
        <Field id="connector-owner-staff" label={l.ownerStaff} error={error("ownerUserId")}>
          {(a11y) => (
            <select {...a11y} name="ownerUserId" defaultValue={v.ownerUserId}>
              <option value="">{l.ownerNone}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="connector-owner-name" label={l.ownerOutsideName} error={error("ownerName")}>
          {(a11y) => <input {...a11y} name="ownerName" type="text" maxLength={200} defaultValue={v.ownerName} />}
        </Field>
        <Field id="connector-owner-email" label={l.ownerOutsideEmail} error={error("ownerEmail")}>
          {(a11y) => <input {...a11y} name="ownerEmail" type="email" maxLength={254} defaultValue={v.ownerEmail} />}
        </Field>
      </fieldset>
      <fieldset
        className="choice-group field"
        aria-describedby={error("registerEntries") ? "connector-entries-error" : undefined}
      >
        <legend>{l.registerEntries}</legend>
        {error("registerEntries") ? (
          <p className="field__error" id="connector-entries-error">
            {error("registerEntries")}
          </p>
        ) : null}
        {entries.map((entry) => (
          <div key={entry.id} className="choice">
            <input
              type="checkbox"
              id={`connector-entry-${entry.id}`}
              name="registerEntries"
              value={entry.id}
              defaultChecked={v.registerEntries.includes(entry.id)}
            />
            <label htmlFor={`connector-entry-${entry.id}`}>{entry.label}</label>
          </div>
        ))}
      </fieldset>
      <div className="choice">
        <input
          type="checkbox"
          id="connector-required"
          name="required"
          value="yes"
          defaultChecked={v.required}
          aria-describedby="connector-required-hint"
        />
        <label htmlFor="connector-required">
          {l.required}
          <span className="choice__hint" id="connector-required-hint">
            {l.requiredHint}
          </span>
        </label>
      </div>
      <div className="choice">
        <input
          type="checkbox"
          id="connector-enabled"
          name="enabled"
          value="yes"
          defaultChecked={v.enabled}
          aria-describedby="connector-enabled-hint"
        />
        <label htmlFor="connector-enabled">
          {l.enabled}
          <span className="choice__hint" id="connector-enabled-hint">
            {l.enabledHint}
          </span>
        </label>
      </div>
      <p className="field__hint">{l.kindFieldsHint}</p>
      <fieldset className="field">
        <legend>{l.processorFields}</legend>
        <Field id="connector-base-url" label={`${l.baseUrl} (${l.baseUrlHint})`} error={error("baseUrl")}>
          {(a11y) => <input {...a11y} name="baseUrl" type="url" maxLength={500} defaultValue={v.baseUrl} />}
        </Field>
        <Field id="connector-domain" label={l.domain} error={error("domain")}>
          {(a11y) => <input {...a11y} name="domain" type="text" maxLength={253} defaultValue={v.domain} />}
        </Field>
        <Field id="connector-certificate" label={l.certificatePem} error={error("certificatePem")}>
          {(a11y) => <textarea {...a11y} name="certificatePem" rows={6} defaultValue={v.certificatePem} />}
        </Field>
        <Field id="connector-timeout" label={l.timeoutMs} error={error("timeoutMs")}>
          {(a11y) => (
            <input
              {...a11y}
              name="timeoutMs"
              type="text"
              inputMode="numeric"
              maxLength={6}
              defaultValue={v.timeoutMs}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="field">
        <legend>{l.manualFields}</legend>
        <Field id="connector-instructions-de" label={l.instructionsDe} error={error("instructionsDe")}>
          {(a11y) => (
            <textarea {...a11y} name="instructionsDe" rows={3} maxLength={5000} defaultValue={v.instructionsDe} />
          )}
        </Field>
        <Field id="connector-instructions-en" label={l.instructionsEn} error={error("instructionsEn")}>
          {(a11y) => (
            <textarea {...a11y} name="instructionsEn" rows={3} maxLength={5000} defaultValue={v.instructionsEn} />
          )}
        </Field>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={pending || undefined} data-testid="connector-save">
          {l.save}
        </button>
        <a href={cancelHref} className="button button--secondary">
          {l.cancel}
        </a>
      </div>
    </form>
  );
}
