// One validation for a request form, in the browser and on the server: the common fields, the
// right's details (lib/requests/details/schemas.ts), and that every choice is one the privacy
// statement offers for this right.
import { z } from "zod";
import { emailAddress } from "../../input/schemas";
import { detailsSchemas, subjectNameSchema, type RequestDetails } from "../details/schemas";
import type { RequestType } from "../request-types";
import { addFieldError, fieldErrorOf, type FieldErrors } from "./field-errors";
import { readRequestForm, type FormSource, type FormValues } from "./form-fields";

/** The ids a person may pick on a form, from the current privacy statement's register. */
export interface FormChoices {
  /** Art. 15: data categories. */
  categories: readonly string[];
  /** Art. 21(1): processing activities based on Art. 6(1)(e) or (f). */
  processing: readonly string[];
  /** Art. 7(3): processing activities based on consent. */
  consents: readonly string[];
}

/** The address in its canonical form (lib/input/email-address.ts): stored, confirmed, limited and compared so. */
const commonSchema = z.object({
  email: emailAddress(),
  name: subjectNameSchema.transform((v) => (v === "" ? null : v)),
  // Radio buttons: none chosen asks to choose one; a value the form does not offer is a wrong choice.
  language: z.enum(["de", "en"], { error: (issue) => (issue.input ? "invalid_choice" : "choose_one") }),
});

export interface ValidRequestForm<T extends RequestType = RequestType> {
  email: string;
  name: string | null;
  language: "de" | "en";
  details: RequestDetails<T>;
}

export type RequestFormCheck =
  | { ok: true; input: ValidRequestForm; honeypot: boolean; values: FormValues }
  | { ok: false; errors: FieldErrors; honeypot: boolean; values: FormValues };

/** Which form field a details path belongs to (rectification rows keep their place in the form). */
function fieldName(path: PropertyKey[], rowIndex: number[]): string {
  const parts = path.map(String);
  if (parts[0] === "items" && parts.length > 1) parts[1] = String(rowIndex[Number(parts[1])] ?? parts[1]);
  if (parts[0] === "items" && parts.length === 1) return "details.items.0.data";
  return ["details", ...parts].join(".");
}

const choiceFields: Partial<Record<RequestType, { field: string; key: keyof FormChoices }>> = {
  access: { field: "categories", key: "categories" },
  objection: { field: "processingIds", key: "processing" },
  consent_withdrawal: { field: "consentIds", key: "consents" },
};

export function validateRequestForm(
  type: RequestType,
  form: FormSource,
  choices: FormChoices,
  /** A signed-in subject files under their own address; the form's field is not used. */
  signedInEmail?: string | null,
): RequestFormCheck {
  const read = readRequestForm(type, form);
  const errors: FieldErrors = {};
  const common = commonSchema.safeParse({
    email: signedInEmail ?? read.email,
    name: read.name,
    language: read.language,
  });
  if (!common.success)
    for (const issue of common.error.issues) addFieldError(errors, String(issue.path[0]), fieldErrorOf(issue));

  const details = detailsSchemas[type].safeParse(read.details);
  if (!details.success) {
    for (const issue of details.error.issues)
      addFieldError(errors, fieldName(issue.path, read.rowIndex), fieldErrorOf(issue));
  } else {
    const rule = choiceFields[type];
    const picked = rule ? ((details.data as Record<string, unknown>)[rule.field] as string[] | undefined) : undefined;
    if (rule && picked?.some((id) => !choices[rule.key].includes(id))) {
      addFieldError(errors, `details.${rule.field}`, { code: "invalid_choice" });
    }
  }

  const honeypot = read.website.trim() !== "";
  if (!common.success || !details.success || Object.keys(errors).length > 0) {
    return { ok: false, errors, honeypot, values: read.values };
  }
  return {
    ok: true,
    input: { ...common.data, details: details.data as RequestDetails<RequestType> },
    honeypot,
    values: read.values,
  };
}
