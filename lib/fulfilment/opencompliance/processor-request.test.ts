// What each fulfilment step asks of a processor: the request type, the extension object, the identity.
import { describe, expect, it } from "vitest";
import type { DrivenTask } from "../connectors/driver";
import { planProcessorRequest, processorCallbackUrl, subjectRequestIdFor } from "./processor-request";
import { createRequestSchema, subjectRequestIdSchema, type DiscoveryResponse } from "./schemas";

const now = new Date("2026-11-30T10:00:00Z");
const discovery: DiscoveryResponse = {
  api_version: "2.0",
  supported_identities: [{ identity_type: "email", identity_format: "raw" }],
  supported_subject_request_types: [
    "access",
    "portability",
    "erasure",
    "rectification",
    "restriction",
    "objection",
    "consent_withdrawal",
  ],
  processor_certificate: "https://p.example/cert.pem",
};
const subject = { email: "anna@example.org" };
const callbackUrl = processorCallbackUrl("https://portal.example/");

function task(over: Partial<DrivenTask>): DrivenTask {
  return {
    id: "task1",
    requestId: "r1",
    reference: "DSR-2026-000001",
    requestType: "access",
    requestDetails: {},
    submittedAt: new Date("2026-11-29T08:00:00Z"),
    step: "export",
    input: null,
    externalId: null,
    attempts: 0,
    dueAt: null,
    ...over,
  };
}

function plan(over: Partial<DrivenTask>, supported = discovery) {
  return planProcessorRequest(task(over), subject, supported, "P.example", callbackUrl, now);
}

function sent(over: Partial<DrivenTask>) {
  const planned = plan(over);
  if (planned.kind !== "request") throw new Error(`not sent: ${JSON.stringify(planned)}`);
  expect(createRequestSchema.safeParse(planned.request).success).toBe(true);
  return planned.request;
}

describe("planProcessorRequest", () => {
  it("sends export as access or portability, erase as erasure, with the e-mail identity and the portal's callback URL", () => {
    expect(sent({}).subject_request_type).toBe("access");
    expect(sent({ requestType: "portability" }).subject_request_type).toBe("portability");
    const erasure = sent({ step: "erase", requestType: "erasure" });
    expect(erasure).toMatchObject({
      regulation: "gdpr",
      subject_request_type: "erasure",
      submitted_time: "2026-11-29T08:00:00.000Z",
      subject_identities: [{ identity_type: "email", identity_value: "anna@example.org", identity_format: "raw" }],
      status_callback_urls: ["https://portal.example/api/opencompliance/callback"],
    });
    expect(erasure.extensions).toBeUndefined();
  });

  it("sends the other steps with the extension object under the processor's domain", () => {
    const restrict = sent({ step: "restrict", requestType: "restriction", requestDetails: { ground: "a" } });
    expect(restrict.extensions).toEqual({
      "p.example": {
        dsr_portal_request: {
          version: "1",
          request_type: "restriction",
          gdpr_article: "18",
          restriction: { ground: "accuracy_contested" },
        },
      },
    });
    const lift = sent({ step: "lift_restriction", requestType: "restriction", requestDetails: { ground: "d" } });
    expect(lift.extensions?.["p.example"]?.dsr_portal_request).toMatchObject({
      restriction: { ground: "objection_pending", lifted_time: now.toISOString() },
    });
    const rectify = sent({
      step: "rectify",
      requestType: "rectification",
      input: { corrections: [{ field: "name", value: "Anna" }] },
    });
    expect(rectify.extensions?.["p.example"]?.dsr_portal_request).toMatchObject({
      rectification: { corrections: [{ field: "name", corrected_value: "Anna" }] },
    });
    const objection = sent({
      step: "stop_processing",
      requestType: "objection",
      requestDetails: { target: "direct_marketing" },
    });
    expect(objection.extensions?.["p.example"]?.dsr_portal_request).toMatchObject({
      request_type: "objection",
      objection: { ground: "direct_marketing" },
    });
    const withdrawal = sent({
      step: "stop_processing",
      requestType: "consent_withdrawal",
      requestDetails: { consentIds: ["newsletter"] },
    });
    expect(withdrawal.extensions?.["p.example"]?.dsr_portal_request).toMatchObject({
      consent_withdrawal: { purposes: ["newsletter"], withdrawn_time: "2026-11-29T08:00:00.000Z" },
    });
  });

  it("sends nothing a processor does not list, and nothing without what the step needs", () => {
    const protocolOnly = { ...discovery, supported_subject_request_types: ["access", "portability", "erasure"] };
    expect(
      plan({ step: "restrict", requestType: "restriction", requestDetails: { ground: "b" } }, protocolOnly),
    ).toEqual({
      kind: "not_applicable",
      reason: "the processor does not support restriction requests",
    });
    expect(plan({}, { ...discovery, supported_identities: [] })).toMatchObject({ kind: "not_applicable" });
    expect(plan({ step: "rectify", requestType: "rectification" })).toMatchObject({ kind: "invalid" });
    expect(plan({ step: "restrict", requestType: "restriction" })).toMatchObject({ kind: "invalid" });
  });

  it("sends the SHA-256 of the address to a processor that takes only hashed e-mail addresses", () => {
    const hashed = { ...discovery, supported_identities: [{ identity_type: "email", identity_format: "sha256" }] };
    const planned = plan({}, hashed);
    expect(planned).toMatchObject({
      request: {
        subject_identities: [{ identity_format: "sha256", identity_value: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      },
    });
  });
});

describe("subjectRequestIdFor", () => {
  it("is a lowercase UUID v4, the same for the same task, another for another task", () => {
    expect(subjectRequestIdSchema.safeParse(subjectRequestIdFor("task1")).success).toBe(true);
    expect(subjectRequestIdFor("task1")).toBe(subjectRequestIdFor("task1"));
    expect(subjectRequestIdFor("task2")).not.toBe(subjectRequestIdFor("task1"));
  });
});
