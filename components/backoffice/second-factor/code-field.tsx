"use client";
// One code field of the TOTP page, with its hint and, after a refused code, the reason: the field
// points at both (aria-describedby), is marked invalid when the code was wrong, and takes the focus
// (through autoFocus without JavaScript, as the page is new then). The wrong code is not kept.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { CodeFormState } from "@/app/[locale]/backoffice/second-factor/actions";

export type CodeKind = "totp" | "recovery";

export function CodeField({ id, kind, state }: { id: string; kind: CodeKind; state: CodeFormState }) {
  const t = useTranslations("backofficeSecondFactor");
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.error) field.current?.focus();
  }, [state]);
  const texts = kind === "totp" ? "code" : "recoveryCode";
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // A limit or a reset is not the code's fault: no aria-invalid, but the message still belongs to the field.
  const codeFault = state.error === "wrong_code" || state.error === "reused_code";
  return (
    <div className="field">
      <label htmlFor={id}>{t(`${texts}.label`)}</label>
      <p id={hintId} className="field__hint">
        {t(`${texts}.hint`)}
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
          {errorText(t, state, kind)}
        </p>
      ) : null}
    </div>
  );
}

function errorText(t: ReturnType<typeof useTranslations>, state: CodeFormState, kind: CodeKind): string {
  switch (state.error) {
    case "limited":
      return t("errors.limited", { minutes: state.retryAfterMinutes ?? 15 });
    case "wrong_code":
      return t(kind === "totp" ? "errors.wrong_code" : "errors.wrong_recovery_code");
    case "reused_code":
      return t(kind === "totp" ? "errors.reused_code" : "errors.reused_recovery_code");
    case "not_enrolled":
    case "not_started":
      return t(`errors.${state.error}`);
    default:
      return "";
  }
}
