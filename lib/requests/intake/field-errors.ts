// A field's problem as a code the form turns into words in the person's language. zod's own
// messages are for developers; ours say what to do.
import type { z } from "zod";
import { inputErrorCodes } from "../../input/input-error";
import type { UploadError } from "../../attachments/check-uploads";
import { shownUploadLimits, type UploadLimits } from "../../attachments/limits";

export const fieldErrorCodes = [
  // Nothing given, in the words of the control: a text to enter, radio buttons, checkboxes.
  "required",
  "choose_one",
  "tick_at_least_one",
  "too_long",
  "too_many",
  "invalid_choice",
  // The input normaliser's (lib/input): characters, addresses, web addresses.
  ...inputErrorCodes,
  // Attachments (lib/attachments).
  "file_too_large",
  "file_wrong_type",
  "file_too_many",
  "file_name_too_long",
  "file_empty",
  "file_case_total",
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export interface FieldError {
  code: FieldErrorCode;
  /** The limit, where one applies (characters, files, megabytes). */
  max?: number;
  /** The file a file error is about. */
  fileName?: string;
  /** A refused character, as "U+202E". */
  character?: string;
  /** Where it is: the n-th character of the text as typed (lib/input/input-error.ts). */
  position?: number;
}

/** Field name → its first problem. */
export type FieldErrors = Record<string, FieldError>;

const isCode = (value: string): value is FieldErrorCode => (fieldErrorCodes as readonly string[]).includes(value);

export function fieldErrorOf(issue: z.core.$ZodIssue): FieldError {
  if (isCode(issue.message)) {
    if (issue.code === "too_big") return { code: issue.message, max: Number(issue.maximum) };
    if (issue.code === "custom") return { code: issue.message, ...detailsOf(issue.params) };
    return { code: issue.message };
  }
  switch (issue.code) {
    case "too_big":
      return { code: "too_long", max: Number(issue.maximum) };
    case "invalid_value":
    case "invalid_union":
      return { code: "invalid_choice" };
    case "invalid_format":
      return { code: issue.format === "email" ? "invalid_email" : "invalid_choice" };
    default:
      // Missing, empty or of the wrong kind: in a form, all of that means "please enter this" (radio
      // buttons and checkboxes say what they need in their schemas: choose_one, tick_at_least_one).
      return { code: "required" };
  }
}

/** The limit, character and position a custom issue (lib/input/schemas.ts) carries. */
function detailsOf(params: Record<string, unknown> | undefined): Omit<FieldError, "code"> {
  const details: Omit<FieldError, "code"> = {};
  if (typeof params?.max === "number") details.max = params.max;
  if (typeof params?.character === "string") details.character = params.character;
  if (typeof params?.position === "number") details.position = params.position;
  return details;
}

/** Adds an error unless the field already has one (the first problem is the one to fix first). */
export function addFieldError(errors: FieldErrors, field: string, error: FieldError): void {
  if (!errors[field]) errors[field] = error;
}

const uploadCodes: Record<UploadError, FieldErrorCode> = {
  too_large: "file_too_large",
  wrong_type: "file_wrong_type",
  too_many: "file_too_many",
  name_too_long: "file_name_too_long",
  empty: "file_empty",
};

/** An attachment's problem (lib/attachments/check-uploads.ts) as the form's field error. */
export function uploadFieldError(failure: { error: UploadError; fileName: string }, limits: UploadLimits): FieldError {
  const code = uploadCodes[failure.error];
  const max =
    failure.error === "too_large"
      ? shownUploadLimits(limits).megabytes
      : failure.error === "too_many"
        ? limits.maxFiles
        : undefined;
  return { code, fileName: failure.fileName, ...(max !== undefined ? { max } : {}) };
}
