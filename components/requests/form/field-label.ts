"use client";
// A request form field's label in words, for the error summary: the same words the field shows
// (components/requests/form/detail-fields.tsx), with the rectification row it sits in.
import { useTranslations } from "next-intl";
import type { RequestType } from "@/lib/requests/request-types";

const common: Record<string, string> = {
  email: "email",
  name: "name",
  language: "language",
  attachments: "attachments",
};

/** The label of a field ("details.items.1.correctValue" → "Detail 2 – What is right"). */
export function useFieldLabel(type: RequestType): (field: string) => string {
  const form = useTranslations("requests.form");
  const fields = useTranslations(`requests.fields.${type}`);
  return (field) => {
    if (common[field]) return form(common[field]);
    const path = field.replace(/^details\./, "").split(".");
    if (path[0] === "items" && path.length === 3) {
      return `${fields("row", { number: Number(path[1]) + 1 })} – ${fields(path[2]!)}`;
    }
    // The checkbox that opens the transmission fields is labelled by its group's legend.
    const key = path[0] === "transmit" ? "transmitLegend" : path.at(-1)!;
    return fields.has(key) ? fields(key) : field;
  };
}
