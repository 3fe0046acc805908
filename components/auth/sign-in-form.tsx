"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { requestSignInLink, type SignInFormState } from "@/app/[locale]/sign-in/actions";
import { useFieldErrorText } from "@/components/requests/form/field-error-text";

const initial: SignInFormState = { error: null, email: "" };

/**
 * The address form. A server action behind useActionState: without JavaScript the browser posts
 * it and the server answers with the page (error and all); with JavaScript it stays in place.
 */
export function SignInForm({ locale, callbackUrl }: { locale: "de" | "en"; callbackUrl: string }) {
  const t = useTranslations("signIn");
  const errorText = useFieldErrorText();
  const [state, action, pending] = useActionState(requestSignInLink, initial);
  const field = useRef<HTMLInputElement>(null);
  // Back with an error: the field takes the focus, so the announced message belongs to it. (Without
  // JavaScript the new page does the same through autoFocus.)
  useEffect(() => {
    if (state.error) field.current?.focus();
  }, [state]);
  const invalid = state.error === "invalid_email";
  const describedBy = state.error ? "sign-in-email-hint sign-in-email-error" : "sign-in-email-hint";
  return (
    // noValidate: our own message (announced, and the same with and without JavaScript) instead of the browser's bubble.
    <form action={action} noValidate className="form-card">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="sign-in-email">{t("emailLabel")}</label>
        <p id="sign-in-email-hint" className="field__hint">
          {t("emailHint")}
        </p>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={state.email}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          ref={field}
          autoFocus={Boolean(state.error)}
          className="input"
        />
        {invalid ? (
          <p id="sign-in-email-error" className="field__error" role="alert">
            {/* "Not an address" in the sign-in page's words; anything more exact (a refused character) in the field's. */}
            {state.detail && state.detail.code !== "invalid_email" && state.detail.code !== "required"
              ? errorText(state.detail)
              : t("emailInvalid")}
          </p>
        ) : null}
        {state.error === "too_many" ? (
          // Not the address's fault, so no aria-invalid; the field still points at the message, and takes the focus.
          <p id="sign-in-email-error" className="callout callout--warning" role="alert">
            {t("tooMany", { minutes: state.retryAfterMinutes ?? 60 })}
          </p>
        ) : null}
      </div>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="sign-in-website">{t("honeypotLabel")}</label>
        <input id="sign-in-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="button" aria-disabled={pending || undefined}>
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
