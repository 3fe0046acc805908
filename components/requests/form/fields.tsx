// The request forms' fields: label, hint, the field, and its error, wired for screen readers
// (aria-describedby, aria-invalid). Field ids derive from the field names, so the error
// summary can link to any of them.
import type { ReactNode } from "react";

export const fieldId = (name: string) => `f-${name.replaceAll(".", "-")}`;

export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  /** The error's words, if the field has one. */
  error?: string;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <p id={`${fieldId(name)}-hint`} className="field__hint">
      {hint}
    </p>
  ) : null;
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`${fieldId(name)}-error`} className="field__error">
      {error}
    </p>
  ) : null;
}

export function TextField({
  name,
  label,
  hint,
  error,
  defaultValue,
  type = "text",
  autoComplete,
  multiline = false,
}: FieldProps & {
  defaultValue?: string;
  type?: "text" | "email";
  autoComplete?: string;
  multiline?: boolean;
}) {
  const common = {
    id: fieldId(name),
    name,
    defaultValue,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, hint, error),
    className: multiline ? "input input--multiline" : "input",
  } as const;
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      <Hint name={name} hint={hint} />
      {multiline ? (
        <textarea {...common} rows={5} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={type === "email" ? "email" : undefined} />
      )}
      <FieldError name={name} error={error} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** Radio buttons (one answer) or checkboxes (several) under one legend. */
export function ChoiceGroup({
  name,
  label,
  hint,
  error,
  choices,
  multiple = false,
  selected,
  children,
}: FieldProps & {
  choices: Choice[];
  multiple?: boolean;
  selected: readonly string[];
  /** Shown after the choices, e.g. fields that belong to one of them. */
  children?: ReactNode;
}) {
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy(name, hint, error)} id={fieldId(name)}>
      <legend>{label}</legend>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      {choices.map((choice, index) => {
        const id = `${fieldId(name)}-${index}`;
        return (
          <div className="choice" key={choice.value}>
            <input
              id={id}
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={choice.value}
              defaultChecked={selected.includes(choice.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={choice.hint ? `${id}-hint` : undefined}
            />
            <label htmlFor={id}>
              {choice.label}
              {choice.hint ? (
                <span id={`${id}-hint`} className="choice__hint">
                  {choice.hint}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
      {children}
    </fieldset>
  );
}
