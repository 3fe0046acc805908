// What each right needs to know, one zod schema per request type. The intake forms (in the browser
// and on the server, lib/requests/intake) and submitRequest share these; Request.details holds the
// parsed value. Messages are codes (lib/requests/intake/field-errors.ts turns them into words).
import { z } from "zod";
import type { RequestType } from "../request-types";

/**
 * Markup is refused rather than stored: the portal shows text as text, but what a person sends
 * travels on into mails, exports and other systems, where a tag could mean something.
 */
const MARKUP = /<\s*\/?\s*[a-z!?]/i;
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "too_long" })
    .refine((v) => !MARKUP.test(v), { error: "markup" });

const shortText = plainText(500).pipe(z.string().min(1, { error: "required" }));
const longText = plainText(5_000).pipe(z.string().min(1, { error: "required" }));
/** Processing-register entry or data-category ids from the privacy statement. */
const registerIds = z.array(z.string().trim().min(1).max(100)).max(50, { error: "too_many" });

export const detailsSchemas = {
  // Art. 15: everything or chosen categories; a copy (15(3)) or confirmation only (15(1)).
  access: z
    .object({
      scope: z.enum(["all", "categories"], { error: "required" }),
      categories: registerIds.default([]),
      copy: z.boolean({ error: "required" }),
    })
    .refine((v) => v.scope !== "categories" || v.categories.length > 0, {
      error: "choose_one",
      path: ["categories"],
    }),
  // Art. 16: which data are wrong and what is right; optionally a supplementary statement.
  rectification: z.object({
    items: z
      .array(z.object({ data: shortText, currentValue: plainText(500).optional(), correctValue: shortText }))
      .min(1, { error: "required" })
      .max(20, { error: "too_many" }),
    supplementaryStatement: longText.optional(),
  }),
  // Art. 17: all or chosen data; the ground of 17(1)(a)-(f) is optional (nobody needs to know the law).
  erasure: z
    .object({
      scope: z.enum(["all", "specific"], { error: "required" }),
      specificData: longText.optional(),
      ground: z.enum(["a", "b", "c", "d", "e", "f"], { error: "invalid_choice" }).optional(),
    })
    .refine((v) => v.scope !== "specific" || v.specificData !== undefined, {
      error: "required",
      path: ["specificData"],
    }),
  // Art. 18(1)(a)-(d).
  restriction: z.object({
    ground: z.enum(["a", "b", "c", "d"], { error: "required" }),
    explanation: longText.optional(),
  }),
  // Art. 20: a format, and optionally direct transmission to another controller (20(2)).
  portability: z.object({
    format: z.enum(["json", "csv"], { error: "required" }),
    transmitTo: z
      .object({
        controllerName: shortText,
        endpoint: z
          .string()
          .trim()
          .min(1, { error: "required" })
          .max(500, { error: "too_long" })
          .pipe(z.union([z.url({ protocol: /^https$/ }), z.email()], { error: "invalid_endpoint" })),
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
        processingIds: registerIds.min(1, { error: "choose_one" }),
        grounds: longText,
      }),
    ],
    { error: "required" },
  ),
  // Art. 7(3): which consent.
  consent_withdrawal: z.object({ consentIds: registerIds.min(1, { error: "choose_one" }) }),
} satisfies Record<RequestType, z.ZodType>;

export type RequestDetails<T extends RequestType> = z.output<(typeof detailsSchemas)[T]>;

export function parseDetails(type: RequestType, details: unknown) {
  return detailsSchemas[type].safeParse(details);
}
