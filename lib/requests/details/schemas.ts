// What each right needs to know, one zod schema per request type. The intake forms (in the browser
// and on the server, lib/requests/intake) and submitRequest share these; Request.details holds the
// parsed value. Messages are codes (lib/requests/intake/field-errors.ts turns them into words), each
// fitting its control: "required" for a text to enter, "choose_one" for radio buttons, "tick_at_least_one"
// for a group of checkboxes.
import { z } from "zod";
import { endpoint, requiredText, text } from "../../input/schemas";
import type { RequestType } from "../request-types";

// Text is text: stored as typed (after lib/input's normaliser) and escaped wherever it is shown, so
// "Max Mustermann <max.alt@example.org>" is a fine correct value. Only what the normaliser refuses is refused.
const shortText = requiredText({ max: 500 });
const longText = requiredText({ max: 5_000, multiline: true });
/** The optional name every form asks for besides the details ("" when not given). */
export const subjectNameSchema = text({ max: 200 });
/** Processing-register entry or data-category ids from the privacy statement. */
const registerIds = z.array(requiredText({ max: 100 })).max(50, { error: "too_many" });

export const detailsSchemas = {
  // Art. 15: everything or chosen categories; a copy (15(3)) or confirmation only (15(1)).
  access: z
    .object({
      scope: z.enum(["all", "categories"], { error: "choose_one" }),
      categories: registerIds.default([]),
      copy: z.boolean({ error: "choose_one" }),
    })
    .refine((v) => v.scope !== "categories" || v.categories.length > 0, {
      error: "tick_at_least_one",
      path: ["categories"],
    }),
  // Art. 16: which data are wrong and what is right; optionally a supplementary statement.
  rectification: z.object({
    items: z
      .array(z.object({ data: shortText, currentValue: text({ max: 500 }).optional(), correctValue: shortText }))
      .min(1, { error: "required" })
      .max(20, { error: "too_many" }),
    supplementaryStatement: longText.optional(),
  }),
  // Art. 17: all or chosen data; the ground of 17(1)(a)-(f) is optional (nobody needs to know the law).
  erasure: z
    .object({
      scope: z.enum(["all", "specific"], { error: "choose_one" }),
      specificData: longText.optional(),
      ground: z.enum(["a", "b", "c", "d", "e", "f"], { error: "invalid_choice" }).optional(),
    })
    .refine((v) => v.scope !== "specific" || v.specificData !== undefined, {
      error: "required",
      path: ["specificData"],
    }),
  // Art. 18(1)(a)-(d).
  restriction: z.object({
    ground: z.enum(["a", "b", "c", "d"], { error: "choose_one" }),
    explanation: longText.optional(),
  }),
  // Art. 20: a format, and optionally direct transmission to another controller (20(2)).
  portability: z.object({
    format: z.enum(["json", "csv"], { error: "choose_one" }),
    transmitTo: z
      .object({
        controllerName: shortText,
        // An https web address (serialized) or an e-mail address (canonical): lib/input/schemas.ts.
        endpoint: endpoint({ max: 500 }),
      })
      .optional(),
  }),
  // Art. 21(1) against processing on 6(1)(e)/(f), with grounds; or 21(2) against direct marketing (absolute).
  objection: z.discriminatedUnion(
    "target",
    [
      z.object({ target: z.literal("direct_marketing") }),
      z.object({
        target: z.literal("processing"),
        processingIds: registerIds.min(1, { error: "tick_at_least_one" }),
        grounds: longText,
      }),
    ],
    { error: "choose_one" },
  ),
  // Art. 7(3): which consent.
  consent_withdrawal: z.object({ consentIds: registerIds.min(1, { error: "tick_at_least_one" }) }),
} satisfies Record<RequestType, z.ZodType>;

export type RequestDetails<T extends RequestType> = z.output<(typeof detailsSchemas)[T]>;

export function parseDetails(type: RequestType, details: unknown) {
  return detailsSchemas[type].safeParse(details);
}
