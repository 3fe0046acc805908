// Messages of the controller-to-processor protocol for data subject requests, as the
// portal (the controller) sends and receives them. The protocol was published as
// OpenGDPR (v1), briefly renamed OpenCompliance, and is now OpenDSR 2.0; its text is
// `specification.md` in the public repository opengdpr/OpenDSR (section numbers below
// refer to it). Field names follow the specification exactly (snake_case on the wire).
//
// The specification knows three request types (section 6.2: access, portability,
// erasure — GDPR Art. 15, 20, 17). The portal also forwards rectification (Art. 16),
// restriction (Art. 18), objection (Art. 21) and withdrawal of consent (Art. 7(3)) —
// processors must be told of these too (Art. 19, Art. 28(3)(e)). For them it uses the
// extension object of section 7.1.2, documented in docs/opencompliance-extension.md.
import { z } from "zod";

/** Section 5.1: identity type keys. */
export const IDENTITY_TYPES = [
  "controller_customer_id",
  "android_advertising_id",
  "android_id",
  "email",
  "fire_advertising_id",
  "ios_advertising_id",
  "ios_vendor_id",
  "microsoft_advertising_id",
  "microsoft_publisher_id",
  "roku_publisher_id",
  "roku_advertising_id",
] as const;

/** Section 5.2: identity formats. */
export const IDENTITY_FORMATS = ["raw", "sha1", "md5", "sha256"] as const;

/** Section 6.2: the request types the specification itself knows. */
export const PROTOCOL_REQUEST_TYPES = ["access", "portability", "erasure"] as const;
export type ProtocolRequestType = (typeof PROTOCOL_REQUEST_TYPES)[number];

/** The portal's extension types (docs/opencompliance-extension.md), GDPR Art. 16, 18, 21, 7(3). */
export const EXTENSION_REQUEST_TYPES = ["rectification", "restriction", "objection", "consent_withdrawal"] as const;
export type ExtensionRequestType = (typeof EXTENSION_REQUEST_TYPES)[number];
export type SubjectRequestType = ProtocolRequestType | ExtensionRequestType;

/** Section 8: request statuses. `completed` and `cancelled` are final. */
export const REQUEST_STATUSES = ["pending", "in_progress", "completed", "cancelled"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Section 7.1.1: the regulations a request may be made under. The portal always sends "gdpr". */
export const REGULATIONS = ["gdpr", "ccpa"] as const;

/** Section 1.1: GUIDs MUST be lowercase UUID v4. */
export const subjectRequestIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, "lowercase UUID v4 (section 1.1)");

/** RFC 3339 date string (sections 7.1.1, 7.3, 8.3). Offsets other than Z are allowed. */
export const rfc3339Schema = z.iso.datetime({ offset: true });

const httpUrlSchema = z.url({ protocol: /^https?$/ });

/** Section 5.3: one identity of the data subject. */
export const identitySchema = z.object({
  identity_type: z.enum(IDENTITY_TYPES),
  identity_value: z.string().min(1).max(1000),
  identity_format: z.enum(IDENTITY_FORMATS),
});
export type Identity = z.infer<typeof identitySchema>;

/** Section 6.3: the discovery response. */
export const discoveryResponseSchema = z.object({
  api_version: z.string().min(1),
  supported_identities: z.array(z.object({ identity_type: z.string().min(1), identity_format: z.string().min(1) })),
  // Read as plain strings: a processor that supports the portal's extension types lists
  // them here too (docs/opencompliance-extension.md); unknown values are not an error.
  supported_subject_request_types: z.array(z.string().min(1)),
  processor_certificate: httpUrlSchema,
});
export type DiscoveryResponse = z.infer<typeof discoveryResponseSchema>;

const shortText = z.string().trim().min(1).max(500);

/** Extension details for rectification (GDPR Art. 16): the corrected values. */
export const rectificationDetailsSchema = z.object({
  corrections: z
    .array(z.object({ field: shortText, corrected_value: z.string().max(2000), note: shortText.optional() }))
    .min(1),
});

/**
 * Extension details for restriction (GDPR Art. 18(1)(a)-(d)): the ground, optionally an end. With
 * `lifted_time` the request lifts the subject's restriction from that time on (Art. 18(3): the portal
 * sends it only after the subject was told).
 */
export const restrictionDetailsSchema = z.object({
  ground: z.enum(["accuracy_contested", "unlawful_processing", "needed_for_legal_claims", "objection_pending"]),
  until: rfc3339Schema.optional(),
  lifted_time: rfc3339Schema.optional(),
});

/** Extension details for objection (GDPR Art. 21(1), (2), (6)). */
export const objectionDetailsSchema = z.object({
  ground: z.enum(["legitimate_interests", "direct_marketing", "research_or_statistics"]),
  purposes: z.array(shortText).optional(),
});

/** Extension details for withdrawal of consent (GDPR Art. 7(3)): the purposes and when. */
export const consentWithdrawalDetailsSchema = z.object({
  purposes: z.array(shortText).min(1),
  withdrawn_time: rfc3339Schema,
});

/** The key of the portal's object inside a processor's extension (section 7.1.2). */
export const EXTENSION_KEY = "dsr_portal_request";

/**
 * The portal's extension object (docs/opencompliance-extension.md). It travels in
 * `extensions[<processor domain>][EXTENSION_KEY]`: section 7.1.2 requires extension
 * keys to be the processor's domain.
 */
export const portalExtensionSchema = z.discriminatedUnion("request_type", [
  z.object({
    version: z.literal("1"),
    request_type: z.literal("rectification"),
    gdpr_article: z.literal("16"),
    rectification: rectificationDetailsSchema,
  }),
  z.object({
    version: z.literal("1"),
    request_type: z.literal("restriction"),
    gdpr_article: z.literal("18"),
    restriction: restrictionDetailsSchema,
  }),
  z.object({
    version: z.literal("1"),
    request_type: z.literal("objection"),
    gdpr_article: z.literal("21"),
    objection: objectionDetailsSchema,
  }),
  z.object({
    version: z.literal("1"),
    request_type: z.literal("consent_withdrawal"),
    gdpr_article: z.literal("7(3)"),
    consent_withdrawal: consentWithdrawalDetailsSchema,
  }),
]);
export type PortalExtension = z.infer<typeof portalExtensionSchema>;

/** Section 7.1.1: the request the controller POSTs to `/requests`. */
export const createRequestSchema = z
  .object({
    regulation: z.enum(REGULATIONS),
    subject_request_id: subjectRequestIdSchema,
    subject_request_type: z.enum([...PROTOCOL_REQUEST_TYPES, ...EXTENSION_REQUEST_TYPES]),
    subject_identities: z.array(identitySchema).optional(),
    submitted_time: rfc3339Schema,
    api_version: z.string().min(1).optional(),
    status_callback_urls: z.array(httpUrlSchema).optional(),
    extensions: z.record(z.string().min(1), z.record(z.string(), z.unknown())).optional(),
  })
  .superRefine((request, ctx) => {
    // Section 5.3 / 7.1.1: identities are required unless an extension carries them.
    if (!request.subject_identities?.length && !request.extensions) {
      ctx.addIssue({ code: "custom", path: ["subject_identities"], message: "identities are required (section 5.3)" });
    }
    // The portal's own rule: an extension type must carry its details, a protocol type must not.
    const extensionTypes: readonly string[] = EXTENSION_REQUEST_TYPES;
    const portal = Object.values(request.extensions ?? {})
      .map((ext) => ext[EXTENSION_KEY])
      .filter((value) => value !== undefined);
    if (extensionTypes.includes(request.subject_request_type)) {
      const parsed = portal.map((value) => portalExtensionSchema.safeParse(value));
      if (!parsed.some((p) => p.success && p.data.request_type === request.subject_request_type)) {
        ctx.addIssue({
          code: "custom",
          path: ["extensions"],
          message: `${EXTENSION_KEY} for ${request.subject_request_type} is required`,
        });
      }
    } else if (portal.length > 0) {
      ctx.addIssue({ code: "custom", path: ["extensions"], message: `${EXTENSION_KEY} is only for extension types` });
    }
  });
export type CreateRequest = z.infer<typeof createRequestSchema>;

/**
 * Section 7.3: the 201 answer to a request. `processor_signature` is listed as required
 * in the body, but the specification's own example (7.4) carries it only in the
 * signature header — a body cannot contain its own signature — so it is optional here.
 * `encoded_request` MUST NOT be logged or stored by the controller (7.3).
 */
export const createResponseSchema = z.object({
  controller_id: z.string().min(1),
  expected_completion_time: rfc3339Schema,
  received_time: rfc3339Schema,
  encoded_request: z.base64(),
  subject_request_id: subjectRequestIdSchema,
  processor_signature: z.string().optional(),
});
export type CreateResponse = z.infer<typeof createResponseSchema>;

const resultsFields = {
  results_url: httpUrlSchema.optional(),
  results_count: z.int().nonnegative().optional(),
};

/** Section 8.3: the answer to GET /requests/{subject_request_id}. */
export const statusResponseSchema = z.object({
  controller_id: z.string().min(1),
  expected_completion_time: rfc3339Schema,
  subject_request_id: subjectRequestIdSchema,
  request_status: z.enum(REQUEST_STATUSES),
  api_version: z.string().min(1).optional(),
  ...resultsFields,
});
export type StatusResponse = z.infer<typeof statusResponseSchema>;

/** Section 8.6: the body the processor POSTs to each status callback URL. */
export const callbackSchema = z.object({
  controller_id: z.string().min(1),
  expected_completion_time: rfc3339Schema,
  status_callback_url: httpUrlSchema,
  subject_request_id: subjectRequestIdSchema,
  request_status: z.enum(REQUEST_STATUSES),
  ...resultsFields,
});
export type CallbackBody = z.infer<typeof callbackSchema>;

/** Section 9.2: the 202 answer to DELETE /requests/{subject_request_id}. */
export const cancelResponseSchema = z.object({
  controller_id: z.string().min(1),
  received_time: rfc3339Schema,
  subject_request_id: subjectRequestIdSchema,
  processor_signature: z.string().optional(),
  api_version: z.string().min(1).optional(),
});
export type CancelResponse = z.infer<typeof cancelResponseSchema>;

/** Sections 7.5 and 7.6: the error answer (HTTP 400), all of it optional but `code`. */
export const errorResponseSchema = z.object({
  error: z
    .object({
      code: z.int(),
      message: z.string().optional(),
      errors: z
        .array(
          z.object({ domain: z.string().optional(), reason: z.string().optional(), message: z.string().optional() }),
        )
        .optional(),
    })
    .optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Order of statuses: a callback may move a request forward, never back (replays, late deliveries). */
export function statusRank(status: RequestStatus): number {
  return status === "pending" ? 0 : status === "in_progress" ? 1 : 2;
}
