// The callback endpoint's decisions (opengdpr/OpenDSR specification.md 8.6-8.8): a good
// callback is recorded; a wrong signature, another processor's certificate, another
// callback URL are refused with 403 and change nothing; a replay changes nothing.
import { describe, expect, it } from "vitest";
import { handleCallback, type CallbackContext, type KnownProcessorRequest } from "./callback";
import { LEGACY_HEADER_NAMES, signBody } from "./signature";
import { processorA, processorB } from "./test-support";

const id = "a7551968-d5d6-44b2-9831-815ac9017798";
const portalUrl = "https://portal.example/opencompliance/callbacks";

function callback(fields: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      controller_id: "dsr-portal",
      expected_completion_time: "2026-12-31T00:00:00Z",
      status_callback_url: portalUrl,
      subject_request_id: id,
      request_status: "completed",
      results_url: "https://processor-a.test/results/1",
      results_count: 3,
      ...fields,
    }),
  );
}

/** A callback body and the headers processor A signs it with. */
function signedByA(fields: Record<string, unknown>): [Buffer, Record<string, string>] {
  const body = callback(fields);
  return [body, signBody(body, processorA.keyPem, processorA.domain)];
}

function context(known: Map<string, KnownProcessorRequest>): CallbackContext {
  return {
    trustedCertificates: {
      [processorA.domain]: processorA.certificatePem,
      [processorB.domain]: processorB.certificatePem,
    },
    expectedCallbackUrl: portalUrl,
    lookup: (requestId) => known.get(requestId),
  };
}

describe("handleCallback", () => {
  it("records a correctly signed callback with its results, also under the OpenGDPR header names", async () => {
    for (const names of [undefined, LEGACY_HEADER_NAMES]) {
      const known = new Map([[id, { processorDomain: processorA.domain, status: "pending" as const }]]);
      const body = callback();
      const outcome = await handleCallback(
        body,
        signBody(body, processorA.keyPem, processorA.domain, names),
        context(known),
      );
      expect(outcome).toEqual({
        status: 202,
        outcome: "record",
        update: {
          processorDomain: "processor-a.test",
          subjectRequestId: id,
          controllerId: "dsr-portal",
          requestStatus: "completed",
          expectedCompletionTime: "2026-12-31T00:00:00Z",
          resultsUrl: "https://processor-a.test/results/1",
          resultsCount: 3,
        },
      });
    }
  });

  it("refuses with 403 a wrong signature, another processor's key or certificate, an unknown processor, a foreign callback URL", async () => {
    const known = new Map([[id, { processorDomain: processorA.domain, status: "pending" as const }]]);
    const body = callback();
    const tampered = callback({ results_url: "https://evil.example/" });
    const cases: [Buffer, Record<string, string>, string][] = [
      [tampered, signBody(body, processorA.keyPem, processorA.domain), "bad_signature"],
      // Processor B's key claiming to be A: A's pinned certificate does not verify it.
      [body, signBody(body, processorB.keyPem, processorA.domain), "bad_signature"],
      // Processor B, properly signed as B, reporting on a request sent to A.
      [body, signBody(body, processorB.keyPem, processorB.domain), "wrong_processor"],
      [body, signBody(body, processorA.keyPem, "processor-c.test"), "unknown_processor"],
      [body, { "X-OpenDSR-Processor-Domain": processorA.domain }, "missing_signature"],
      [...signedByA({ status_callback_url: "https://attacker.example/cb" }), "wrong_callback_url"],
      [...signedByA({ subject_request_id: "b7551968-d5d6-44b2-9831-815ac9017798" }), "unknown_request"],
    ];
    for (const [raw, headers, code] of cases) {
      expect(await handleCallback(raw, headers, context(known))).toEqual({ status: 403, code });
    }
    expect(known.get(id)).toEqual({ processorDomain: processorA.domain, status: "pending" });
  });

  it("answers 400 to a signed body that is not a valid callback", async () => {
    const known = new Map([[id, { processorDomain: processorA.domain }]]);
    for (const raw of [Buffer.from("not json"), Buffer.from(JSON.stringify({ request_status: "completed" }))]) {
      expect(await handleCallback(raw, signBody(raw, processorA.keyPem, processorA.domain), context(known))).toEqual({
        status: 400,
        code: "invalid_body",
      });
    }
  });

  it("reports a replayed or late callback as no change: the status never moves back", async () => {
    const known = new Map([[id, { processorDomain: processorA.domain, status: "completed" as const }]]);
    for (const status of ["completed", "in_progress", "pending"]) {
      const outcome = await handleCallback(...signedByA({ request_status: status }), context(known));
      expect(outcome.status === 202 && outcome.outcome).toBe("no_change");
    }
    const cancelled = new Map([[id, { processorDomain: processorA.domain, status: "cancelled" as const }]]);
    const body = callback({ request_status: "completed" });
    const outcome = await handleCallback(
      body,
      signBody(body, processorA.keyPem, processorA.domain),
      context(cancelled),
    );
    expect(outcome.status === 202 && outcome.outcome).toBe("no_change");
  });
});
