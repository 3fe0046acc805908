// What each right needs to know, one zod schema per request type. The intake forms
// and the server share these; Request.details holds the parsed value.
import { z } from "zod";
import type { RequestType } from "../request-types";

const shortText = z.string().trim().min(1).max(500);
const longText = z.string().trim().min(1).max(5_000);
/** Processing-register entry or data-category ids from the privacy statement. */
const registerIds = z.array(z.string().trim().min(1).max(100)).max(50);

export const detailsSchemas = {
  // Art. 15: everything or chosen categories; a copy (15(3)) or confirmation only (15(1)).
  access: z.object({
    scope: z.enum(["all", "categories"]),
    categories: registerIds.default([]),
    copy: z.boolean(),
  }),
  // Art. 16: which data are wrong and what is right; optionally a supplementary statement.
  rectification: z.object({
    items: z
      .array(
        z.object({ data: shortText, currentValue: z.string().trim().max(500).optional(), correctValue: shortText }),
      )
      .min(1)
      .max(20),
    supplementaryStatement: longText.optional(),
  }),
  // Art. 17: all or chosen data; the ground of 17(1)(a)-(f) is optional (nobody needs to know the law).
  erasure: z.object({
    scope: z.enum(["all", "specific"]),
    specificData: longText.optional(),
    ground: z.enum(["a", "b", "c", "d", "e", "f"]).optional(),
  }),
  // Art. 18(1)(a)-(d).
  restriction: z.object({ ground: z.enum(["a", "b", "c", "d"]), explanation: longText.optional() }),
  // Art. 20: a format, and optionally direct transmission to another controller (20(2)).
  portability: z.object({
    format: z.enum(["json", "csv"]),
    transmitTo: z
      .object({
        controllerName: shortText,
        endpoint: z.union([z.url({ protocol: /^https$/ }), z.email()]),
      })
      .optional(),
  }),
  // Art. 21(1) against processing on 6(1)(e)/(f), with grounds; or 21(2) against direct marketing (absolute).
  objection: z.discriminatedUnion("target", [
    z.object({ target: z.literal("direct_marketing") }),
    z.object({ target: z.literal("processing"), processingIds: registerIds.min(1), grounds: longText }),
  ]),
  // Art. 7(3): which consent.
  consent_withdrawal: z.object({ consentIds: registerIds.min(1) }),
} satisfies Record<RequestType, z.ZodType>;

export type RequestDetails<T extends RequestType> = z.output<(typeof detailsSchemas)[T]>;

export function parseDetails(type: RequestType, details: unknown) {
  return detailsSchemas[type].safeParse(details);
}
