// How a request form's fields become the request: the same function runs in the browser (to answer
// before sending) and on the server (which trusts nothing the browser did). Field names are the
// paths of the value they fill ("details.items.0.correctValue"), so a zod issue's path names its
// field, and the form can put the message beside it.
import type { RequestType } from "../request-types";

/** What a form post offers: FormData, or anything with the same two readers (tests, URLSearchParams). */
export interface FormSource {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

/** Rows of "which data are wrong, what is right" (Art. 16) the form shows. */
export const RECTIFICATION_ROWS = 3;

/** The text values a form sent, by field name: to fill the form again when it comes back with errors. */
export type FormValues = Record<string, string | string[]>;

export interface ReadForm {
  email: string;
  name: string;
  language: string;
  /** The honeypot: hidden from people, filled in by robots. */
  website: string;
  details: Record<string, unknown>;
  /** Rectification rows that were filled in, by their index in the form (empty rows are skipped). */
  rowIndex: number[];
  values: FormValues;
}

const MAX_VALUE = 20_000;

/** One text value; a file or a missing field reads as "". Overlong values are cut (the schema still says too long). */
function text(form: FormSource, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, MAX_VALUE) : "";
}

function texts(form: FormSource, name: string): string[] {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === "string")
    .slice(0, 100)
    .map((v) => v.slice(0, MAX_VALUE));
}

/** Empty optional fields mean "not given". */
const optional = (value: string) => (value.trim() === "" ? undefined : value);

function yesNo(value: string): boolean | undefined {
  if (value === "yes") return true;
  if (value === "no") return false;
  return undefined;
}

export function detailFieldNames(type: RequestType): { single: string[]; multiple: string[] } {
  switch (type) {
    case "access":
      return { single: ["details.scope", "details.copy"], multiple: ["details.categories"] };
    case "rectification":
      return {
        single: [
          ...Array.from({ length: RECTIFICATION_ROWS }, (_, i) =>
            ["data", "currentValue", "correctValue"].map((f) => `details.items.${i}.${f}`),
          ).flat(),
          "details.supplementaryStatement",
        ],
        multiple: [],
      };
    case "erasure":
      return { single: ["details.scope", "details.specificData", "details.ground"], multiple: [] };
    case "restriction":
      return { single: ["details.ground", "details.explanation"], multiple: [] };
    case "portability":
      return {
        single: [
          "details.format",
          "details.transmit",
          "details.transmitTo.controllerName",
          "details.transmitTo.endpoint",
        ],
        multiple: [],
      };
    case "objection":
      return { single: ["details.target", "details.grounds"], multiple: ["details.processingIds"] };
    case "consent_withdrawal":
      return { single: [], multiple: ["details.consentIds"] };
  }
}

function detailsOf(type: RequestType, form: FormSource): { details: Record<string, unknown>; rowIndex: number[] } {
  const f = (name: string) => text(form, `details.${name}`);
  switch (type) {
    case "access":
      return {
        details: { scope: optional(f("scope")), categories: texts(form, "details.categories"), copy: yesNo(f("copy")) },
        rowIndex: [],
      };
    case "rectification": {
      const rows = Array.from({ length: RECTIFICATION_ROWS }, (_, i) => ({
        data: f(`items.${i}.data`),
        currentValue: f(`items.${i}.currentValue`),
        correctValue: f(`items.${i}.correctValue`),
      }));
      const rowIndex = rows.flatMap((row, i) => (Object.values(row).some((v) => v.trim() !== "") ? [i] : []));
      return {
        details: {
          items: rowIndex.map((i) => ({ ...rows[i]!, currentValue: optional(rows[i]!.currentValue) })),
          supplementaryStatement: optional(f("supplementaryStatement")),
        },
        rowIndex,
      };
    }
    case "erasure":
      return {
        details: {
          scope: optional(f("scope")),
          // The text belongs to "some of my data" only; a leftover from before switching to "all" is not sent on.
          specificData: f("scope") === "specific" ? optional(f("specificData")) : undefined,
          // "I am not sure" is a real answer: nobody needs to know the law (Art. 12(2): facilitate).
          ground: f("ground") === "unsure" ? undefined : optional(f("ground")),
        },
        rowIndex: [],
      };
    case "restriction":
      return {
        details: { ground: optional(f("ground")), explanation: optional(f("explanation")) },
        rowIndex: [],
      };
    case "portability":
      return {
        details: {
          format: optional(f("format")),
          transmitTo:
            f("transmit") === "yes"
              ? { controllerName: f("transmitTo.controllerName"), endpoint: f("transmitTo.endpoint") }
              : undefined,
        },
        rowIndex: [],
      };
    case "objection": {
      const target = optional(f("target"));
      return {
        details:
          target === "processing"
            ? { target, processingIds: texts(form, "details.processingIds"), grounds: f("grounds") }
            : { target },
        rowIndex: [],
      };
    }
    case "consent_withdrawal":
      return { details: { consentIds: texts(form, "details.consentIds") }, rowIndex: [] };
  }
}

export function readRequestForm(type: RequestType, form: FormSource): ReadForm {
  const names = detailFieldNames(type);
  const values: FormValues = {};
  for (const name of ["email", "name", "language", ...names.single]) values[name] = text(form, name);
  for (const name of names.multiple) values[name] = texts(form, name);
  return {
    email: text(form, "email"),
    name: text(form, "name"),
    language: text(form, "language"),
    website: text(form, "website"),
    ...detailsOf(type, form),
    values,
  };
}
