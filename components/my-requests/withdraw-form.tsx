"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { withdrawRequest, type WithdrawFormState } from "@/app/[locale]/my/requests/[reference]/actions";

const initial: WithdrawFormState = { error: null, reason: "" };

/** The confirmation step of a withdrawal: an optional reason, "Yes, withdraw" and the way back. Works without JavaScript. */
export function WithdrawForm({ locale, reference }: { locale: "de" | "en"; reference: string }) {
  const t = useTranslations("caseWithdraw");
  const [state, action, pending] = useActionState(withdrawRequest, initial);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.error) field.current?.focus();
  }, [state]);
  const errorText = {
    too_long: t("errorTooLong"),
    not_possible: t("errorNotPossible"),
    conflict: t("errorConflict"),
  };
  return (
    <form action={action} noValidate className="form-card" data-testid="withdraw-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="reference" value={reference} />
      <div className="field">
        <label htmlFor="withdraw-reason">{t("reasonLabel")}</label>
        <p id="withdraw-reason-hint" className="field__hint">
          {t("reasonHint")}
        </p>
        <textarea
          id="withdraw-reason"
          name="reason"
          rows={4}
          maxLength={2_000}
          defaultValue={state.reason}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "withdraw-reason-hint withdraw-reason-error" : "withdraw-reason-hint"}
          ref={field}
          autoFocus={Boolean(state.error)}
          className="input input--multiline"
        />
        {state.error ? (
          <p id="withdraw-reason-error" className="field__error" role="alert">
            {errorText[state.error]}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          {pending ? t("withdrawing") : t("confirm")}
        </button>
        <Link href={`/${locale}/my/requests/${encodeURIComponent(reference)}`} className="button button--secondary">
          {t("keep")}
        </Link>
      </div>
    </form>
  );
}
