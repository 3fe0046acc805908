"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { withdrawRequest, type WithdrawFormState } from "@/app/[locale]/my/requests/[reference]/actions";
import { useCaseFormError } from "./case-form-error";
import { TextAreaField } from "./text-area-field";

const initial: WithdrawFormState = { error: null, reason: "" };

/** The confirmation step of a withdrawal: an optional reason, "Yes, withdraw" and the way back. Works without JavaScript. */
export function WithdrawForm({ locale, reference }: { locale: "de" | "en"; reference: string }) {
  const t = useTranslations("caseWithdraw");
  const [state, action, pending] = useActionState(withdrawRequest, initial);
  const errorText = useCaseFormError("caseWithdraw");
  return (
    <form action={action} noValidate className="form-card" data-testid="withdraw-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="reference" value={reference} />
      <TextAreaField
        id="withdraw-reason"
        name="reason"
        label={t("reasonLabel")}
        hint={t("reasonHint")}
        error={errorText(state)}
        attempt={state}
        defaultValue={state.reason}
        rows={4}
        maxLength={2_000}
      />
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
