// The client against the reference processor over real HTTP (port 0): discovery,
// create → signed callbacks arrive and verify, status poll, cancel; retryable and
// permanent errors; a processor that never answers runs into the timeout.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startReferenceProcessor,
  type Misbehaviour,
  type ReferenceProcessor,
} from "../../../scripts/opencompliance/reference-processor";
import { ProcessorError, createProcessorClient, type ProcessorClient } from "./client";
import { afterFailure, retryFromDeadLetter, type DeliveryState } from "./retry-policy";
import { EXTENSION_KEY, type CreateRequest } from "./schemas";
import { processorA, processorB, startCallbackReceiver, type CallbackReceiver } from "./test-support";

/** Reference processor signing as processor A (real HTTP, port 0). */
function startProcessorA(options: { stepDelayMs: number; misbehave?: Misbehaviour }): Promise<ReferenceProcessor> {
  return startReferenceProcessor({
    domain: processorA.domain,
    keyPem: processorA.keyPem,
    certificatePem: processorA.certificatePem,
    wrongKeyPem: processorB.keyPem,
    ...options,
  });
}

/** A client for processor A at `baseUrl`, pinned to `certificatePem` (default: A's). */
function clientFor(baseUrl: string, timeoutMs = 2000, certificatePem = processorA.certificatePem): ProcessorClient {
  return createProcessorClient({ baseUrl, processorDomain: processorA.domain, certificatePem, timeoutMs });
}

let processor: ReferenceProcessor;
let receiver: CallbackReceiver;
let client: ProcessorClient;

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  processor = await startProcessorA({ stepDelayMs: 50 });
  client = clientFor(processor.url);
});

afterAll(async () => {
  await processor.close();
  await receiver.close();
});

function newRequest(type: CreateRequest["subject_request_type"] = "access"): CreateRequest {
  return {
    regulation: "gdpr",
    subject_request_id: randomUUID(),
    subject_request_type: type,
    submitted_time: new Date().toISOString(),
    subject_identities: [{ identity_type: "email", identity_value: "subject@example.com", identity_format: "raw" }],
    api_version: "2.0",
    status_callback_urls: [receiver.url],
  };
}

async function expectError(promise: Promise<unknown>, code: string, retryable: boolean): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProcessorError);
  expect({ code: (error as ProcessorError).code, retryable: (error as ProcessorError).retryable }).toEqual({
    code,
    retryable,
  });
}

describe("processor client against the reference processor", () => {
  it("reads the signed discovery", async () => {
    const discovery = await client.discovery();
    expect(discovery.api_version).toBe("2.0");
    expect(discovery.supported_subject_request_types).toContain("erasure");
    expect(discovery.processor_certificate).toMatch(/\/cert\.pem$/);
  });

  it("creates a request; its signed callbacks arrive, verify and are recorded up to completed with results", async () => {
    const request = newRequest("access");
    receiver.known.set(request.subject_request_id, { processorDomain: processorA.domain });
    const accepted = await client.createRequest(request);
    expect(accepted.subject_request_id).toBe(request.subject_request_id);
    expect(accepted).not.toHaveProperty("encoded_request");
    const completed = await receiver.waitFor(
      (o) =>
        o.status === 202 &&
        o.outcome === "record" &&
        o.update.subjectRequestId === request.subject_request_id &&
        o.update.requestStatus === "completed",
    );
    expect(completed.status === 202 && completed.update.resultsCount).toBe(3);
    expect(completed.status === 202 && completed.update.resultsUrl).toContain(request.subject_request_id);
    expect(receiver.known.get(request.subject_request_id)?.status).toBe("completed");

    const status = await client.getStatus(request.subject_request_id);
    expect(status).toMatchObject({
      subject_request_id: request.subject_request_id,
      request_status: "completed",
      results_count: 3,
    });
  });

  it("sends an extension type only to a processor that lists it, with the extension keyed by its domain", async () => {
    const request: CreateRequest = {
      ...newRequest("rectification"),
      extensions: {
        [processorA.domain]: {
          [EXTENSION_KEY]: {
            version: "1",
            request_type: "rectification",
            gdpr_article: "16",
            rectification: { corrections: [{ field: "city", corrected_value: "Köln" }] },
          },
        },
      },
    };
    expect((await client.createRequest(request)).subject_request_id).toBe(request.subject_request_id);
    await expectError(
      client.createRequest(
        { ...request, subject_request_id: randomUUID() },
        { ...(await client.discovery()), supported_subject_request_types: ["erasure"] },
      ),
      "unsupported_request_type",
      false,
    );
  });

  it("cancels a pending request with DELETE; the cancelled callback arrives; a second cancel is refused (section 9)", async () => {
    const slow = await startProcessorA({ stepDelayMs: 60_000 });
    try {
      const slowClient = clientFor(slow.url);
      const request = newRequest("erasure");
      receiver.known.set(request.subject_request_id, { processorDomain: processorA.domain });
      await slowClient.createRequest(request);
      expect((await slowClient.getStatus(request.subject_request_id)).request_status).toBe("pending");
      const cancelled = await slowClient.cancelRequest(request.subject_request_id);
      expect(cancelled.subject_request_id).toBe(request.subject_request_id);
      await receiver.waitFor(
        (o) =>
          o.status === 202 &&
          o.update.subjectRequestId === request.subject_request_id &&
          o.update.requestStatus === "cancelled",
      );
      expect((await slowClient.getStatus(request.subject_request_id)).request_status).toBe("cancelled");
      await expectError(slowClient.cancelRequest(request.subject_request_id), "rejected", false);
    } finally {
      await slow.close();
    }
  });

  it("treats a 400 as permanent and 5xx as retryable", async () => {
    await expectError(client.getStatus(randomUUID()), "rejected", false);
    await expectError(
      client.createRequest({ ...newRequest(), subject_request_id: "not-a-uuid" }),
      "invalid_request",
      false,
    );
    processor.setMisbehaviour("server_error");
    try {
      await expectError(client.discovery(), "server_error", true);
    } finally {
      processor.setMisbehaviour("none");
    }
  });

  it("refuses answers signed with another key or not signed, and accepts the OpenGDPR header names", async () => {
    const request = newRequest();
    try {
      processor.setMisbehaviour("wrong_key");
      await expectError(client.discovery(), "bad_signature", false);
      processor.setMisbehaviour("unsigned");
      await expectError(client.createRequest(request), "bad_signature", false);
      processor.setMisbehaviour("legacy_headers");
      expect((await client.discovery()).api_version).toBe("2.0");
    } finally {
      processor.setMisbehaviour("none");
    }
    // A client configured with processor B's certificate refuses processor A's answers.
    const confused = clientFor(processor.url, 2000, processorB.certificatePem);
    await expectError(confused.discovery(), "bad_signature", false);
  });

  it("gives up on a processor that never answers after timeoutMs, as a retryable timeout", async () => {
    const hanging = await startProcessorA({ stepDelayMs: 50, misbehave: "hang" });
    try {
      const impatient = clientFor(hanging.url, 200);
      await expectError(impatient.createRequest(newRequest()), "timeout", true);
    } finally {
      await hanging.close();
    }
  });

  it("keeps a request to a processor that keeps timing out retryable, then dead-letters it after the retries, never dropping it", async () => {
    const hanging = await startProcessorA({ stepDelayMs: 50, misbehave: "hang" });
    const policy = { baseDelayMs: 10, maxDelayMs: 100, maxAttempts: 3, jitter: 0.5, statusPollAfterMs: 1000 };
    const request = newRequest();
    let state: DeliveryState = { state: "due", attempts: 0, dueAt: new Date(0) };
    const states: string[] = [];
    try {
      const impatient = clientFor(hanging.url, 100);
      while (state.state === "due") {
        const failure = await impatient.createRequest(request).then(
          () => undefined,
          (error: unknown) => error as ProcessorError,
        );
        expect(failure?.code).toBe("timeout");
        state = afterFailure(state, failure!, policy, new Date(1000 * states.length), () => 0.5);
        states.push(state.state);
      }
    } finally {
      await hanging.close();
    }
    expect(states).toEqual(["due", "due", "dead_letter"]);
    expect(state).toMatchObject({
      state: "dead_letter",
      attempts: 3,
      lastError: expect.stringContaining("no answer within 100 ms"),
    });
    // A person retries from the case file; the processor answers again and the request goes through.
    state = retryFromDeadLetter(state, new Date());
    expect(state.state).toBe("due");
    expect((await client.createRequest(request)).subject_request_id).toBe(request.subject_request_id);
  });

  it("reports a processor that is not there as a retryable network error", async () => {
    const gone = await startProcessorA({ stepDelayMs: 50 });
    const url = gone.url;
    await gone.close();
    const lost = clientFor(url);
    await expectError(lost.discovery(), "network", true);
  });
});
