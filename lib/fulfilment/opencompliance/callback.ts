// The core of the portal's callback endpoint (opengdpr/OpenDSR specification.md 8.5-8.8).
// Order as in 8.8: read the processor-domain header, take the certificate pinned for
// that domain, verify the signature over the raw body, and only then parse; check that
// the callback names the portal's own callback URL. Every refusal is 403 (8.8 step 5;
// the issue asks 403 for the URL check too) and changes nothing. processor-callback.ts
// (behind app/api/opencompliance/callback) reads the raw body, calls this, records a
// "record" result on the task through updateTask and answers 202.
import { callbackSchema, statusRank, type RequestStatus } from "./schemas";
import { processorDomainOf, verifySignedBody, type HeaderBag, type SignatureFailure } from "./signature";

/** What the portal last recorded for a request sent to a processor. */
export interface KnownProcessorRequest {
  /** The domain the request was sent to: only that processor may report on it. */
  processorDomain: string;
  /** Last recorded status; undefined before the first callback or poll. */
  status?: RequestStatus;
}

export interface CallbackContext {
  /** Pinned certificate (PEM) per processor domain, lower-case keys. */
  trustedCertificates: Readonly<Record<string, string>>;
  /** The callback URL the portal puts in `status_callback_urls`; byte-for-byte what it sent. */
  expectedCallbackUrl: string;
  /** The portal's record of the request, or undefined when it never sent it. */
  lookup(subjectRequestId: string): KnownProcessorRequest | undefined | Promise<KnownProcessorRequest | undefined>;
  now?: () => Date;
}

export type CallbackRefusal =
  SignatureFailure | "unknown_processor" | "unknown_request" | "wrong_processor" | "wrong_callback_url";

/** A verified status change to record on the task (GDPR Art. 28(3)(e): the processor's assistance, documented). */
export interface CallbackUpdate {
  processorDomain: string;
  subjectRequestId: string;
  controllerId: string;
  requestStatus: RequestStatus;
  expectedCompletionTime: string;
  resultsUrl?: string;
  resultsCount?: number;
}

export type CallbackOutcome =
  | { status: 202; outcome: "record"; update: CallbackUpdate }
  | { status: 202; outcome: "no_change"; update: CallbackUpdate }
  | { status: 403; code: CallbackRefusal }
  | { status: 400; code: "invalid_body" };

/**
 * Decides what a received callback means. Never throws for bad input.
 *
 * A callback whose status is the same as, or earlier than, the recorded one is
 * "no_change": a replay or a late delivery must not move the request back. The
 * specification gives callbacks no sending time, so the status order is what counts;
 * final statuses (`completed`, `cancelled`) stay final.
 */
export async function handleCallback(
  rawBody: Uint8Array,
  headers: HeaderBag,
  context: CallbackContext,
): Promise<CallbackOutcome> {
  const domain = processorDomainOf(headers);
  if (domain === "missing_processor_domain" || domain === "conflicting_headers") return { status: 403, code: domain };
  const certificate = context.trustedCertificates[domain];
  if (certificate === undefined) return { status: 403, code: "unknown_processor" };
  const check = verifySignedBody(rawBody, headers, certificate, { now: context.now?.() });
  if (!check.ok) return { status: 403, code: check.code };

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
  } catch {
    return { status: 400, code: "invalid_body" };
  }
  const parsed = callbackSchema.safeParse(json);
  if (!parsed.success) return { status: 400, code: "invalid_body" };
  const body = parsed.data;
  // Section 8.8 step 6: the callback must be addressed to this portal's endpoint.
  if (body.status_callback_url !== context.expectedCallbackUrl) return { status: 403, code: "wrong_callback_url" };

  const known = await context.lookup(body.subject_request_id);
  if (known === undefined) return { status: 403, code: "unknown_request" };
  // A processor may only report on requests sent to it, even with a valid signature of its own.
  if (known.processorDomain.toLowerCase() !== domain) return { status: 403, code: "wrong_processor" };

  const update: CallbackUpdate = {
    processorDomain: domain,
    subjectRequestId: body.subject_request_id,
    controllerId: body.controller_id,
    requestStatus: body.request_status,
    expectedCompletionTime: body.expected_completion_time,
    ...(body.results_url !== undefined ? { resultsUrl: body.results_url } : {}),
    ...(body.results_count !== undefined ? { resultsCount: body.results_count } : {}),
  };
  if (known.status !== undefined && statusRank(body.request_status) <= statusRank(known.status)) {
    return { status: 202, outcome: "no_change", update };
  }
  return { status: 202, outcome: "record", update };
}
