"use client";
// Proving the second factor: the app's 6-digit code or, in its own form, a recovery code. A server
// action behind useActionState: without JavaScript the browser posts it and the server answers with
// the page; a right code redirects to where the page was asked for.
import { useActionState } from "react";
import { verifySecondFactorCode, type CodeFormState } from "@/app/[locale]/backoffice/second-factor/actions";
import { CodeField, type CodeFieldTexts, type CodeKind } from "./code-field";

const initial: CodeFormState = { error: null };

export function VerifyCodeForm({
  locale,
  next,
  kind,
  texts,
}: {
  locale: "de" | "en";
  next: string;
  kind: CodeKind;
  texts: CodeFieldTexts;
}) {
  const [state, action, pending] = useActionState(verifySecondFactorCode, initial);
  return (
    <form action={action} noValidate className="form-card second-factor__form" data-testid={`second-factor-${kind}`}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <CodeField id={`second-factor-${kind}`} kind={kind} state={state} texts={texts} />
      <button type="submit" className="button" aria-disabled={pending || undefined}>
        {texts.submit}
      </button>
    </form>
  );
}
