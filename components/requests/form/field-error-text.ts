"use client";
// A field's problem in words, the same on the request forms and the case page: every code of
// lib/requests/intake/field-errors.ts with the limit, file, character and position it names.
import { useTranslations } from "next-intl";
import type { FieldError } from "@/lib/requests/intake/field-errors";

export function useFieldErrorText(): (error: FieldError) => string {
  const t = useTranslations("requests.form.errors");
  return (error) =>
    t(error.code, {
      max: error.max ?? 0,
      fileName: error.fileName ?? "",
      character: error.character ?? "",
      position: error.position ?? 0,
    });
}
