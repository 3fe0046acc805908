// The portal's side of the controller-to-processor protocol (opengdpr/OpenDSR
// specification.md): discovery (section 6), create (7), status (8.1-8.4) and cancel (9).
// Every answer is checked against the certificate pinned for the processor's domain
// before a single byte of it is parsed (8.8 step 4); an answer signed for another
// domain is refused too. Errors say whether trying again can help.
import type { z } from "zod";
import {
  EXTENSION_KEY,
  PROTOCOL_REQUEST_TYPES,
  cancelResponseSchema,
  createRequestSchema,
  createResponseSchema,
  discoveryResponseSchema,
  errorResponseSchema,
  statusResponseSchema,
  type CancelResponse,
  type CreateRequest,
  type CreateResponse,
  type DiscoveryResponse,
  type StatusResponse,
} from "./schemas";
import { verifySignedBody } from "./signature";

export type ProcessorErrorCode =
  | "timeout"
  | "network"
  | "server_error"
  | "rejected"
  | "bad_signature"
  | "invalid_response"
  | "request_mismatch"
  | "unsupported_request_type"
  | "invalid_request";

/**
 * A failed exchange with a processor. `retryable` is true for timeouts, network
 * failures, 5xx, 408 and 429 — a later attempt may succeed; false for everything the
 * same request would meet again (4xx, bad signature, an answer that breaks the protocol).
 */
export class ProcessorError extends Error {
  constructor(
    readonly code: ProcessorErrorCode,
    readonly retryable: boolean,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = "ProcessorError";
  }
}

export interface ProcessorClientOptions {
  /** Base URL including the major version (section 3.4), e.g. https://opendsr.processor.example/v2 */
  baseUrl: string;
  /** The domain the processor signs for (X-OpenDSR-Processor-Domain); its answers must name it. */
  processorDomain: string;
  /** PEM certificate configured for that domain. */
  certificatePem: string;
  /** Whole exchange, body included; after it the call fails with a retryable "timeout". */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** The time certificates must be valid at; tests only. */
  now?: () => Date;
}

/** What the portal knows after a request was accepted. `encoded_request` is dropped (section 7.3: MUST NOT be stored). */
export type AcceptedRequest = Omit<CreateResponse, "encoded_request" | "processor_signature">;

export interface ProcessorClient {
  discovery(): Promise<DiscoveryResponse>;
  /** POSTs the request (section 7.1); for an extension type, the processor's discovery must list that type. */
  createRequest(request: CreateRequest, discovery?: DiscoveryResponse): Promise<AcceptedRequest>;
  getStatus(subjectRequestId: string): Promise<StatusResponse>;
  /** DELETE (section 9): the processor may only cancel requests still `pending`. */
  cancelRequest(subjectRequestId: string): Promise<CancelResponse>;
}

/** Builds a client for one processor. See {@link ProcessorClientOptions}. */
export function createProcessorClient(options: ProcessorClientOptions): ProcessorClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const domain = options.processorDomain.toLowerCase();

  async function exchange<T>(
    method: "GET" | "POST" | "DELETE",
    path: string,
    expectedStatus: number,
    schema: z.ZodType<T>,
    body?: Uint8Array,
  ): Promise<T> {
    let response: Response;
    let raw: Uint8Array;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? Buffer.from(body) : undefined,
        redirect: "error",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      raw = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new ProcessorError("timeout", true, `${method} ${path}: no answer within ${options.timeoutMs} ms`);
      }
      throw new ProcessorError("network", true, `${method} ${path}: ${(error as Error).message}`);
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      throw new ProcessorError("server_error", true, `${method} ${path}: HTTP ${response.status}`, response.status);
    }
    const check = verifySignedBody(raw, response.headers, options.certificatePem, { now: options.now?.() });
    if (response.status !== expectedStatus) {
      // Section 7.5: errors are 400 with an optional error object. Its message is only
      // read when signed; an unsigned one is reported by status alone.
      let detail = "";
      if (check.ok && check.processorDomain === domain) {
        const parsed = errorResponseSchema.safeParse(safeJson(raw));
        detail = parsed.success && parsed.data.error?.message ? `: ${parsed.data.error.message.slice(0, 300)}` : "";
      }
      throw new ProcessorError(
        "rejected",
        false,
        `${method} ${path}: HTTP ${response.status}${detail}`,
        response.status,
      );
    }
    if (!check.ok)
      throw new ProcessorError("bad_signature", false, `${method} ${path}: ${check.code}`, response.status);
    if (check.processorDomain !== domain) {
      throw new ProcessorError(
        "bad_signature",
        false,
        `${method} ${path}: signed for ${check.processorDomain}`,
        response.status,
      );
    }
    const parsed = schema.safeParse(safeJson(raw));
    if (!parsed.success) {
      throw new ProcessorError(
        "invalid_response",
        false,
        `${method} ${path}: ${parsed.error.issues[0]?.message ?? "invalid"}`,
        response.status,
      );
    }
    return parsed.data;
  }

  const requestPath = (id: string) => `/requests/${encodeURIComponent(id)}`;

  return {
    async discovery() {
      const discovery = await exchange("GET", "/discovery", 200, discoveryResponseSchema);
      // Section 6.3: the certificate's host MUST match the processor's domain.
      const certificateHost = new URL(discovery.processor_certificate).hostname.toLowerCase();
      if (certificateHost !== domain && certificateHost !== new URL(base).hostname.toLowerCase()) {
        throw new ProcessorError(
          "invalid_response",
          false,
          `processor_certificate is on ${certificateHost}, not ${domain}`,
        );
      }
      return discovery;
    },

    async createRequest(request, discovery) {
      const checked = createRequestSchema.safeParse(request);
      if (!checked.success)
        throw new ProcessorError("invalid_request", false, checked.error.issues[0]?.message ?? "invalid request");
      const protocolTypes: readonly string[] = PROTOCOL_REQUEST_TYPES;
      if (!protocolTypes.includes(request.subject_request_type)) {
        // Fail closed: a processor that does not know the extension would reject the
        // unknown type at best; at worst act on the wrong request.
        const supported = discovery ?? (await this.discovery());
        if (!supported.supported_subject_request_types.includes(request.subject_request_type)) {
          throw new ProcessorError(
            "unsupported_request_type",
            false,
            `${domain} does not support ${request.subject_request_type}`,
          );
        }
        if (!request.extensions?.[domain]?.[EXTENSION_KEY]) {
          throw new ProcessorError(
            "invalid_request",
            false,
            `extension must be keyed by the processor domain ${domain} (section 7.1.2)`,
          );
        }
      }
      const body = new TextEncoder().encode(JSON.stringify(request));
      const accepted = await exchange("POST", "/requests", 201, createResponseSchema, body);
      // Section 7.3: encoded_request echoes the whole request — the processor's signed
      // receipt of what it was asked (accountability, Art. 5(2)). It must be ours.
      if (
        !Buffer.from(accepted.encoded_request, "base64").equals(Buffer.from(body)) ||
        accepted.subject_request_id !== request.subject_request_id
      ) {
        throw new ProcessorError("request_mismatch", false, "the processor's receipt does not match the request sent");
      }
      return {
        controller_id: accepted.controller_id,
        expected_completion_time: accepted.expected_completion_time,
        received_time: accepted.received_time,
        subject_request_id: accepted.subject_request_id,
      };
    },

    async getStatus(subjectRequestId) {
      const status = await exchange("GET", requestPath(subjectRequestId), 200, statusResponseSchema);
      if (status.subject_request_id !== subjectRequestId)
        throw new ProcessorError("request_mismatch", false, "status is for another request");
      return status;
    },

    async cancelRequest(subjectRequestId) {
      const cancelled = await exchange("DELETE", requestPath(subjectRequestId), 202, cancelResponseSchema);
      if (cancelled.subject_request_id !== subjectRequestId)
        throw new ProcessorError("request_mismatch", false, "cancellation is for another request");
      return cancelled;
    },
  };
}

function safeJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw)) as unknown;
  } catch {
    return undefined;
  }
}
