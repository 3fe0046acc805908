"use client";
// A field's problem in words, the same on the request forms and the case page: every code of
// lib/requests/intake/field-errors.ts with the limit, file, character and position it names. Numbers
// are grouped as the page's language groups them (lib/format): "5,000" / "5.000", never "5000".
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import type { FieldError } from "@/lib/requests/intake/field-errors";

export function useFieldErrorText(): (error: FieldError) => string {
  const t = useTranslations("requests.form.errors");
  const current = useLocale();
  const locale = isLocale(current) ? current : defaultLocale;
  return (error) =>
    t(error.code, {
      max: formatNumber(error.max ?? 0, locale),
      fileName: error.fileName ?? "",
      character: error.character ?? "",
      position: formatNumber(error.position ?? 0, locale),
    });
}
