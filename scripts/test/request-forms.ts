// Request forms as a browser posts them, for the intake tests: one valid form per right
// (field names as in components/requests/form), and the fields every form has.
import type { RequestType } from "../../lib/requests/request-types";

/** A valid form per right, as the browser posts it. */
export const validForms: Record<RequestType, Array<[string, string]>> = {
  access: [
    ["details.scope", "categories"],
    ["details.categories", "email-address"],
    ["details.categories", "name"],
    ["details.copy", "yes"],
  ],
  rectification: [
    ["details.items.0.data", ""],
    ["details.items.0.currentValue", ""],
    ["details.items.0.correctValue", ""],
    ["details.items.1.data", "Surname"],
    ["details.items.1.currentValue", "Schmitt"],
    ["details.items.1.correctValue", "Schmidt"],
  ],
  erasure: [
    ["details.scope", "specific"],
    ["details.specificData", "My phone number"],
    ["details.ground", "unsure"],
  ],
  restriction: [["details.ground", "a"]],
  portability: [
    ["details.format", "json"],
    ["details.transmit", "yes"],
    ["details.transmitTo.controllerName", "Other GmbH"],
    ["details.transmitTo.endpoint", "https://other.example/import"],
  ],
  objection: [
    ["details.target", "processing"],
    ["details.processingIds", "app-use"],
    ["details.grounds", "My situation is special."],
  ],
  consent_withdrawal: [["details.consentIds", "app-permissions"]],
};

export const commonFields: Array<[string, string]> = [
  ["email", " Anna@Example.org "],
  ["name", "Anna Schmidt"],
  ["language", "en"],
  ["website", ""],
];

/** FormData from name/value pairs (repeated names for checkboxes). */
export function formOf(entries: Array<[string, string | File]>): FormData {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
}
