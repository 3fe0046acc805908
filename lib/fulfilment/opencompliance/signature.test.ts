// Signatures over the raw body (opengdpr/OpenDSR specification.md 4.2, 7.3, 8.8;
// security_guidelines.md): good, tampered, legacy OpenGDPR header names, another
// processor's key, certificates that must not be trusted.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_CERTIFICATE_DIR } from "../../../scripts/opencompliance/reference-processor";
import { LEGACY_HEADER_NAMES, signBody, verifySignedBody } from "./signature";
import { processorA, processorB } from "./test-support";

const body = Buffer.from('{"subject_request_id":"a7551968-d5d6-44b2-9831-815ac9017798","request_status":"pending"}');

describe("verifySignedBody", () => {
  it("accepts a body signed with the key of the pinned certificate, under the OpenCompliance and OpenDSR names", () => {
    const headers = signBody(body, processorA.keyPem, processorA.domain);
    expect(Object.keys(headers).sort()).toEqual([
      "X-OpenCompliance-Processor-Domain",
      "X-OpenCompliance-Signature",
      "X-OpenDSR-Processor-Domain",
      "X-OpenDSR-Signature",
    ]);
    expect(verifySignedBody(body, headers, processorA.certificatePem)).toEqual({
      ok: true,
      processorDomain: "processor-a.test",
    });
    expect(verifySignedBody(body, new Headers(headers), processorA.certificatePem).ok).toBe(true);
  });

  it("accepts the OpenGDPR v1 header names (section 10.1)", () => {
    const headers = signBody(body, processorA.keyPem, processorA.domain, LEGACY_HEADER_NAMES);
    expect(Object.keys(headers)).toEqual(["X-OpenGDPR-Signature", "X-OpenGDPR-Processor-Domain"]);
    expect(verifySignedBody(body, headers, processorA.certificatePem).ok).toBe(true);
  });

  it("accepts a signature folded over several lines as in the specification's examples", () => {
    const headers = signBody(body, processorA.keyPem, processorA.domain, {
      signature: ["X-OpenDSR-Signature"],
      domain: ["X-OpenDSR-Processor-Domain"],
    });
    const folded = headers["X-OpenDSR-Signature"]!.replace(/(.{20})/g, "$1\n ");
    expect(verifySignedBody(body, { ...headers, "X-OpenDSR-Signature": folded }, processorA.certificatePem).ok).toBe(
      true,
    );
  });

  it("refuses a changed body, a missing signature, a missing domain and garbage", () => {
    const headers = signBody(body, processorA.keyPem, processorA.domain);
    const changed = Buffer.from(body.toString().replace("pending", "completed"));
    expect(verifySignedBody(changed, headers, processorA.certificatePem)).toEqual({ ok: false, code: "bad_signature" });
    expect(
      verifySignedBody(body, { "X-OpenDSR-Processor-Domain": processorA.domain }, processorA.certificatePem),
    ).toEqual({
      ok: false,
      code: "missing_signature",
    });
    expect(
      verifySignedBody(body, { "X-OpenDSR-Signature": headers["X-OpenDSR-Signature"] }, processorA.certificatePem),
    ).toEqual({
      ok: false,
      code: "missing_processor_domain",
    });
    expect(
      verifySignedBody(body, { ...headers, "X-OpenDSR-Signature": "not base64!" }, processorA.certificatePem),
    ).toEqual({
      ok: false,
      code: "malformed_signature",
    });
  });

  it("refuses a request where one of several signature headers is wrong", () => {
    const good = signBody(body, processorA.keyPem, processorA.domain);
    const other = signBody(body, processorB.keyPem, processorA.domain);
    const mixed = { ...good, "X-OpenDSR-Signature": other["X-OpenDSR-Signature"] };
    expect(verifySignedBody(body, mixed, processorA.certificatePem)).toEqual({ ok: false, code: "bad_signature" });
  });

  it("refuses a body signed with another processor's key", () => {
    const headers = signBody(body, processorB.keyPem, processorA.domain);
    expect(verifySignedBody(body, headers, processorA.certificatePem)).toEqual({ ok: false, code: "bad_signature" });
  });

  it("refuses conflicting domain headers", () => {
    const headers = {
      ...signBody(body, processorA.keyPem, processorA.domain),
      "X-OpenGDPR-Processor-Domain": processorB.domain,
    };
    expect(verifySignedBody(body, headers, processorA.certificatePem)).toEqual({
      ok: false,
      code: "conflicting_headers",
    });
  });

  it("refuses certificates that cannot vouch: another domain, self-signed (section 4.1), expired, unreadable", () => {
    const claimsOther = signBody(body, processorA.keyPem, "processor-c.test");
    expect(verifySignedBody(body, claimsOther, processorA.certificatePem)).toEqual({
      ok: false,
      code: "untrusted_certificate",
    });

    const caPem = readFileSync(path.join(TEST_CERTIFICATE_DIR, "ca.pem"), "utf8");
    const caKey = readFileSync(path.join(TEST_CERTIFICATE_DIR, "ca-key.pem"), "utf8");
    const selfSigned = signBody(body, caKey, processorA.domain);
    expect(verifySignedBody(body, selfSigned, caPem)).toEqual({ ok: false, code: "untrusted_certificate" });

    const headers = signBody(body, processorA.keyPem, processorA.domain);
    expect(
      verifySignedBody(body, headers, processorA.certificatePem, { now: new Date("2200-01-01T00:00:00Z") }),
    ).toEqual({
      ok: false,
      code: "untrusted_certificate",
    });
    expect(verifySignedBody(body, headers, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toEqual({
      ok: false,
      code: "untrusted_certificate",
    });
  });
});
