"use client";
// One code field of the TOTP page, with its hint and, after a refused code, the reason: the field
// points at both (aria-describedby), is marked invalid when the code was wrong, and takes the focus
// (through autoFocus without JavaScript, as the page is new then). The wrong code is not kept.
// Texts come translated from the server (the browser gets no back-office message files).
import { useEffect, useRef } from "react";
import type { CodeFormState } from "@/app/[locale]/backoffice/second-factor/actions";

export type CodeKind = "totp" | "recovery";

export interface CodeFieldTexts {
  label: string;
  hint: string;
  submit: string;
}

export function CodeField({
  id,
  kind,
  state,
  texts,
}: {
  id: string;
  kind: CodeKind;
  state: CodeFormState;
  texts: CodeFieldTexts;
}) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.error) field.current?.focus();
  }, [state]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // A limit or a reset is not the code's fault: no aria-invalid, but the message still belongs to the field.
  const codeFault = state.error === "wrong_code" || state.error === "reused_code";
  return (
    <div className="field">
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={id}>{texts.label}</label>
      <p id={hintId} className="field__hint">
        {texts.hint}
      </p>
      <input
        id={id}
        name="code"
        type="text"
        required
        ref={field}
        autoFocus={Boolean(state.error)}
        autoComplete={kind === "totp" ? "one-time-code" : "off"}
        inputMode={kind === "totp" ? "numeric" : "text"}
        spellCheck={false}
        autoCapitalize="none"
        maxLength={kind === "totp" ? 12 : 40}
        className={`input second-factor__code second-factor__code--${kind}`}
        aria-invalid={codeFault || undefined}
        aria-describedby={state.error ? `${hintId} ${errorId}` : hintId}
      />
      {state.error ? (
        <p id={errorId} className={codeFault ? "field__error" : "callout callout--warning"} role="alert">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
