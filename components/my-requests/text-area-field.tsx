"use client";

import { useEffect, useRef } from "react";

/**
 * A labelled text area with its hint and, after a failed post, its announced error. On
 * error the field takes the focus, so the message belongs to it: with JavaScript after
 * each attempt (`attempt` is the form's new state), without it through autoFocus.
 */
export function TextAreaField(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  error: string | null;
  attempt: unknown;
  defaultValue: string;
  rows: number;
  maxLength: number;
  required?: boolean;
}) {
  const { id, error, attempt } = props;
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (error) field.current?.focus();
  }, [error, attempt]);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <p id={`${id}-hint`} className="field__hint">
        {props.hint}
      </p>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        maxLength={props.maxLength}
        required={props.required}
        defaultValue={props.defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        ref={field}
        autoFocus={Boolean(error)}
        className="input input--multiline"
      />
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
