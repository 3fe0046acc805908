// The error summary above a request form: one entry per field with a problem, in the order the
// fields appear on the form (not the order the checks found them), each naming its field.
import type { RequestType } from "../request-types";
import type { FieldError, FieldErrors } from "./field-errors";
import { RECTIFICATION_ROWS } from "./form-fields";

/** The right's own fields, top to bottom, as components/requests/form/detail-fields.tsx shows them. */
const detailOrder: Record<RequestType, string[]> = {
  access: ["scope", "categories", "copy"],
  rectification: [
    ...Array.from({ length: RECTIFICATION_ROWS }, (_, i) =>
      ["data", "currentValue", "correctValue"].map((f) => `items.${i}.${f}`),
    ).flat(),
    "supplementaryStatement",
  ],
  erasure: ["scope", "specificData", "ground"],
  restriction: ["ground", "explanation"],
  portability: ["format", "transmit", "transmitTo.controllerName", "transmitTo.endpoint"],
  objection: ["target", "processingIds", "grounds"],
  consent_withdrawal: ["consentIds"],
};

/** Every field of a request form in the order the form shows them: the details, then about you, then files. */
export function formFieldOrder(type: RequestType): string[] {
  return [...detailOrder[type].map((f) => `details.${f}`), "email", "name", "language", "attachments"];
}

/** The form's problems in the form's order; a field the form does not know (none should) comes last. */
export function errorsInFormOrder(type: RequestType, errors: FieldErrors): [string, FieldError][] {
  const order = formFieldOrder(type);
  const position = (field: string) => {
    const at = order.indexOf(field);
    return at === -1 ? order.length : at;
  };
  return Object.entries(errors).sort(([a], [b]) => position(a) - position(b));
}

/**
 * One summary entry: the field's label, then what to do ("Email address: Please enter this."). A label
 * that is a question keeps its question mark instead of a colon ("In which format? Please choose one.").
 */
export function summaryEntry(label: string, message: string): string {
  const named = label.trim();
  return /[?:]$/.test(named) ? `${named} ${message}` : `${named}: ${message}`;
}
