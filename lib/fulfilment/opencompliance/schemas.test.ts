// The message schemas against the examples of opengdpr/OpenDSR specification.md
// (sections 6.4, 7.2, 7.4, 7.7, 8.4, 8.7, 9.3) and the portal's extension object.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  EXTENSION_KEY,
  EXTENSION_REQUEST_TYPES,
  IDENTITY_FORMATS,
  IDENTITY_TYPES,
  PROTOCOL_REQUEST_TYPES,
  REQUEST_STATUSES,
  callbackSchema,
  cancelResponseSchema,
  createRequestSchema,
  createResponseSchema,
  discoveryResponseSchema,
  errorResponseSchema,
  statusResponseSchema,
} from "./schemas";

const id = "a7551968-d5d6-44b2-9831-815ac9017798";
const request = {
  regulation: "gdpr",
  subject_request_id: id,
  subject_request_type: "erasure",
  submitted_time: "2018-10-02T15:00:00Z",
  subject_identities: [{ identity_type: "email", identity_value: "johndoe@example.com", identity_format: "raw" }],
  api_version: "2.0",
  status_callback_urls: ["https://examplecontroller.com/opendsr/callbacks"],
};

describe("protocol schemas", () => {
  it("read the specification's examples", () => {
    expect(
      discoveryResponseSchema.safeParse({
        api_version: "2.0",
        supported_identities: [{ identity_type: "email", identity_format: "raw" }],
        supported_subject_request_types: ["erasure"],
        processor_certificate: "https://exampleprocessor.com/cert.pem",
      }).success,
    ).toBe(true);
    expect(createRequestSchema.safeParse(request).success).toBe(true);
    expect(
      createResponseSchema.safeParse({
        controller_id: "example_controller_id",
        expected_completion_time: "2018-11-01T15:00:01Z",
        received_time: "2018-10-02T15:00:01Z",
        encoded_request: Buffer.from(JSON.stringify(request)).toString("base64"),
        subject_request_id: id,
      }).success,
    ).toBe(true);
    const status = {
      controller_id: "example_controller_id",
      expected_completion_time: "2018-11-01T15:00:01Z",
      subject_request_id: id,
      request_status: "pending",
      api_version: "2.0",
      results_url: "https://exampleprocessor.com/secure/d188d4ba-12db-48a0-898c-cd0f8ba7b345",
      results_count: 103,
    };
    expect(statusResponseSchema.safeParse(status).success).toBe(true);
    const { api_version: _v, ...callback } = status;
    expect(
      callbackSchema.safeParse({ ...callback, status_callback_url: "https://examplecontroller.com/opendsr/callbacks" })
        .success,
    ).toBe(true);
    expect(
      cancelResponseSchema.safeParse({
        controller_id: "c",
        subject_request_id: id,
        received_time: "2018-10-02T15:00:01Z",
        api_version: "2.0",
      }).success,
    ).toBe(true);
    expect(
      errorResponseSchema.safeParse({
        error: {
          code: 400,
          message: "subject_request_id field is required",
          errors: [{ domain: "Validation", reason: "IllegalArgumentException", message: "x" }],
        },
      }).success,
    ).toBe(true);
  });

  it("refuse what the specification rules out", () => {
    expect(createRequestSchema.safeParse({ ...request, subject_request_id: id.toUpperCase() }).success).toBe(false);
    expect(createRequestSchema.safeParse({ ...request, subject_request_type: "delete" }).success).toBe(false);
    expect(createRequestSchema.safeParse({ ...request, submitted_time: "yesterday" }).success).toBe(false);
    expect(createRequestSchema.safeParse({ ...request, subject_identities: [] }).success).toBe(false);
    expect(createRequestSchema.safeParse({ ...request, regulation: undefined }).success).toBe(false);
    expect(
      statusResponseSchema.safeParse({
        controller_id: "c",
        expected_completion_time: "2018-11-01T15:00:01Z",
        subject_request_id: id,
        request_status: "done",
      }).success,
    ).toBe(false);
    expect(
      callbackSchema.safeParse({
        controller_id: "c",
        expected_completion_time: "2018-11-01T15:00:01Z",
        subject_request_id: id,
        request_status: "completed",
      }).success,
    ).toBe(false);
  });

  it("require the extension object for the portal's extension types, keyed by processor domain", () => {
    const rectification = {
      ...request,
      subject_request_type: "rectification",
      extensions: {
        "processor-a.test": {
          [EXTENSION_KEY]: {
            version: "1",
            request_type: "rectification",
            gdpr_article: "16",
            rectification: { corrections: [{ field: "last_name", corrected_value: "Müller" }] },
          },
        },
      },
    };
    expect(createRequestSchema.safeParse(rectification).success).toBe(true);
    expect(createRequestSchema.safeParse({ ...rectification, extensions: undefined }).success).toBe(false);
    expect(createRequestSchema.safeParse({ ...rectification, subject_request_type: "objection" }).success).toBe(false);
    expect(createRequestSchema.safeParse({ ...rectification, subject_request_type: "erasure" }).success).toBe(false);
    const withdrawal = {
      ...request,
      subject_request_type: "consent_withdrawal",
      extensions: {
        "processor-a.test": {
          [EXTENSION_KEY]: {
            version: "1",
            request_type: "consent_withdrawal",
            gdpr_article: "7(3)",
            consent_withdrawal: { purposes: ["newsletter"], withdrawn_time: "2026-11-30T09:00:00+01:00" },
          },
        },
      },
    };
    expect(createRequestSchema.safeParse(withdrawal).success).toBe(true);
  });
});

describe("docs/opencompliance.openapi.yaml", () => {
  it("names every status, type, identity, header and the extension key the code uses", () => {
    const openapi = readFileSync(path.join(import.meta.dirname, "../../../docs/opencompliance.openapi.yaml"), "utf8");
    const names = [
      ...REQUEST_STATUSES,
      ...PROTOCOL_REQUEST_TYPES,
      ...EXTENSION_REQUEST_TYPES,
      ...IDENTITY_TYPES,
      ...IDENTITY_FORMATS,
      EXTENSION_KEY,
      "X-OpenDSR-Signature",
      "X-OpenCompliance-Signature",
      "X-OpenGDPR-Signature",
    ];
    expect(names.filter((name) => !openapi.includes(name))).toEqual([]);
    expect(openapi).toMatch(/^openapi: 3\.1\.0$/m);
  });
});
