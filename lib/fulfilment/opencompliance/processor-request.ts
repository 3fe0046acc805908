// What a fulfilment task asks of a processor, as an OpenCompliance request (opengdpr/OpenDSR
// specification.md 7.1): the step decides the request type (export → access or portability by the
// request's type, erase → erasure, the other steps → the portal's extension object,
// docs/opencompliance-extension.md), the subject's verified e-mail address is the identity, and the
// portal's callback URL is the one status callback URL. Pure.
import { createHash } from "node:crypto";
import type { DrivenTask } from "../connectors/driver";
import type { SubjectIdentity } from "../connectors/types";
import {
  EXTENSION_KEY,
  type CreateRequest,
  type DiscoveryResponse,
  type Identity,
  type PortalExtension,
  type SubjectRequestType,
} from "./schemas";

/** The path of the portal's callback endpoint (app/api/opencompliance/callback/route.ts). */
export const CALLBACK_PATH = "/api/opencompliance/callback";

/** The callback URL the portal sends in `status_callback_urls` and accepts callbacks for (byte for byte). */
export function processorCallbackUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${CALLBACK_PATH}`;
}

/**
 * The task's `subject_request_id`: a lowercase UUID v4 (section 1.1) derived from the task id, so an
 * attempt after a timeout asks for the same request (the processor may have received the first one)
 * instead of creating a second.
 */
export function subjectRequestIdFor(taskId: string): string {
  const hex = createHash("sha256").update(`dsr-portal/opencompliance/${taskId}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type PlannedRequest =
  | { kind: "request"; request: CreateRequest }
  /** The processor cannot take this step (its discovery lacks the type or the identity). */
  | { kind: "not_applicable"; reason: string }
  /** The task lacks what the step needs (e.g. approved corrections): a person must look. */
  | { kind: "invalid"; error: string };

const restrictionGrounds = {
  a: "accuracy_contested",
  b: "unlawful_processing",
  c: "needed_for_legal_claims",
  d: "objection_pending",
} as const;

type Details = Record<string, unknown>;

function record(value: unknown): Details {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Details) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];
}

/**
 * The approved corrections in the task's input (Art. 16): `{ corrections: [{ field, value }] }` or the
 * list itself (lib/fulfilment/connectors/types.ts ApprovedCorrection).
 */
function approvedCorrections(input: unknown): { field: string; corrected_value: string }[] {
  const list = Array.isArray(input) ? input : record(input).corrections;
  if (!Array.isArray(list)) return [];
  return list
    .map(record)
    .filter((c) => typeof c.field === "string" && c.field.trim() !== "" && typeof c.value === "string")
    .map((c) => ({ field: (c.field as string).slice(0, 500), corrected_value: (c.value as string).slice(0, 2000) }));
}

/** The register entries whose processing stops: the task input's `registerEntryId`, else the request's details. */
function stoppedProcessing(task: DrivenTask, detailsKey: "processingIds" | "consentIds"): string[] {
  const input = record(task.input);
  const fromInput =
    typeof input.registerEntryId === "string" ? [input.registerEntryId] : strings(input.registerEntryIds);
  return (fromInput.length > 0 ? fromInput : strings(record(task.requestDetails)[detailsKey])).map((p) =>
    p.slice(0, 500),
  );
}

/** The request type and, for the portal's extension types, its object; or why the task cannot be sent. */
function typeAndExtension(
  task: DrivenTask,
  now: Date,
): { type: SubjectRequestType; extension?: PortalExtension } | { invalid: string } {
  const details = record(task.requestDetails);
  switch (task.step) {
    case "export":
      return { type: task.requestType === "portability" ? "portability" : "access" };
    case "erase":
      return { type: "erasure" };
    case "restrict":
    case "lift_restriction": {
      const ground =
        restrictionGrounds[(record(task.input).ground ?? details.ground) as keyof typeof restrictionGrounds] ??
        (task.requestType === "objection" ? "objection_pending" : undefined);
      if (!ground) return { invalid: "the restriction's ground (Art. 18(1)(a)-(d)) is not known" };
      return {
        type: "restriction",
        extension: {
          version: "1",
          request_type: "restriction",
          gdpr_article: "18",
          restriction: { ground, ...(task.step === "lift_restriction" ? { lifted_time: now.toISOString() } : {}) },
        },
      };
    }
    case "rectify": {
      const corrections = approvedCorrections(task.input);
      if (corrections.length === 0) return { invalid: "no approved corrections (Art. 16) in the task" };
      return {
        type: "rectification",
        extension: { version: "1", request_type: "rectification", gdpr_article: "16", rectification: { corrections } },
      };
    }
    case "stop_processing": {
      const input = record(task.input);
      const withdrawal = input.kind === "consent_withdrawal" || task.requestType === "consent_withdrawal";
      if (withdrawal) {
        const purposes = stoppedProcessing(task, "consentIds");
        if (purposes.length === 0) return { invalid: "the withdrawn consent (Art. 7(3)) is not named" };
        return {
          type: "consent_withdrawal",
          extension: {
            version: "1",
            request_type: "consent_withdrawal",
            gdpr_article: "7(3)",
            consent_withdrawal: { purposes, withdrawn_time: task.submittedAt.toISOString() },
          },
        };
      }
      const directMarketing = details.target === "direct_marketing";
      const purposes = stoppedProcessing(task, "processingIds");
      return {
        type: "objection",
        extension: {
          version: "1",
          request_type: "objection",
          gdpr_article: "21",
          objection: {
            ground: directMarketing ? "direct_marketing" : "legitimate_interests",
            ...(purposes.length > 0 ? { purposes } : {}),
          },
        },
      };
    }
  }
}

/** The subject's e-mail address in a form the processor lists (section 5): raw if it can, else its SHA-256. */
function emailIdentity(subject: SubjectIdentity, discovery: DiscoveryResponse): Identity | undefined {
  const formats = discovery.supported_identities
    .filter((i) => i.identity_type === "email")
    .map((i) => i.identity_format);
  if (formats.includes("raw")) return { identity_type: "email", identity_value: subject.email, identity_format: "raw" };
  if (formats.includes("sha256")) {
    const hash = createHash("sha256").update(subject.email).digest("hex");
    return { identity_type: "email", identity_value: hash, identity_format: "sha256" };
  }
  return undefined;
}

/**
 * Builds the request for `task` to the processor signing as `processorDomain`, whose discovery answer is
 * `discovery`. A type the discovery does not list is never sent (the task is not applicable there).
 */
export function planProcessorRequest(
  task: DrivenTask,
  subject: SubjectIdentity,
  discovery: DiscoveryResponse,
  processorDomain: string,
  callbackUrl: string,
  now: Date,
): PlannedRequest {
  const planned = typeAndExtension(task, now);
  if ("invalid" in planned) return { kind: "invalid", error: planned.invalid };
  if (!discovery.supported_subject_request_types.includes(planned.type)) {
    return { kind: "not_applicable", reason: `the processor does not support ${planned.type} requests` };
  }
  const identity = emailIdentity(subject, discovery);
  if (!identity) return { kind: "not_applicable", reason: "the processor cannot find people by e-mail address" };
  return {
    kind: "request",
    request: {
      regulation: "gdpr",
      subject_request_id: subjectRequestIdFor(task.id),
      subject_request_type: planned.type,
      submitted_time: task.submittedAt.toISOString(),
      subject_identities: [identity],
      api_version: "2.0",
      status_callback_urls: [callbackUrl],
      ...(planned.extension
        ? { extensions: { [processorDomain.toLowerCase()]: { [EXTENSION_KEY]: planned.extension } } }
        : {}),
    },
  };
}
