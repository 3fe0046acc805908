"use client";
// The words for a case-page form's error: its own (empty, too long, not possible now, changed
// meanwhile, too many messages or files for now) from its namespace, a refused character in the
// request forms' shared words.
import { useTranslations } from "next-intl";
import { useFieldErrorText } from "@/components/requests/form/field-error-text";
import type { CharacterErrorCode } from "@/lib/requests/my-request-forms";

type CaseFormError =
  "empty" | "too_long" | "not_possible" | "conflict" | "limited" | "limited_files" | CharacterErrorCode;

const ownKeys: Record<string, string> = {
  empty: "errorEmpty",
  too_long: "errorTooLong",
  not_possible: "errorNotPossible",
  conflict: "errorConflict",
  limited: "errorLimited",
  limited_files: "errorLimitedFiles",
};

export function useCaseFormError(namespace: "caseThread" | "caseWithdraw"): (state: {
  error: CaseFormError | null;
  at?: { character?: string; position?: number };
  /** With `limited…`: whole minutes until the person may send again. */
  retryMinutes?: number;
}) => string | null {
  const t = useTranslations(namespace);
  const fieldErrorText = useFieldErrorText();
  return ({ error, at, retryMinutes }) => {
    if (!error) return null;
    const own = ownKeys[error];
    return own ? t(own, { minutes: retryMinutes ?? 1 }) : fieldErrorText({ code: error as CharacterErrorCode, ...at });
  };
}
