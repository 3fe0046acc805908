// Signatures on processor responses and callbacks (opengdpr/OpenDSR specification.md
// sections 4, 7.3, 8.3, 8.6, 8.8; security_guidelines.md "Callback validation").
//
// Scheme: the base64 signature (FIPS 186-4, so RSA or ECDSA) over the SHA-256 digest of
// the raw body bytes, in a signature header, made with the private key of the
// certificate issued for the domain named in the processor-domain header.
// The certificate is not fetched from the processor's `processor_certificate` URL:
// the portal pins one per configured processor domain (8.8 step 3 allows a whitelist),
// so a processor that is compromised cannot swap its own certificate.
//
// Header names: the issue names `X-OpenCompliance-*` (the protocol's name for a few
// weeks in 2019), the current specification `X-OpenDSR-*`, version 1 `X-OpenGDPR-*`;
// section 10.1 says prior names MUST be honoured. All three are accepted; the portal's
// reference processor sends the OpenCompliance and OpenDSR names.
import { X509Certificate, createPrivateKey, sign, verify } from "node:crypto";

export const SIGNATURE_HEADERS = ["x-opencompliance-signature", "x-opendsr-signature", "x-opengdpr-signature"] as const;
export const DOMAIN_HEADERS = [
  "x-opencompliance-processor-domain",
  "x-opendsr-processor-domain",
  "x-opengdpr-processor-domain",
] as const;
/** The header names this portal sends (new name per the issue, current name per the specification). */
export const SENT_SIGNATURE_HEADERS = ["X-OpenCompliance-Signature", "X-OpenDSR-Signature"] as const;
export const SENT_DOMAIN_HEADERS = ["X-OpenCompliance-Processor-Domain", "X-OpenDSR-Processor-Domain"] as const;

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export type SignatureFailure =
  | "missing_signature"
  | "missing_processor_domain"
  | "conflicting_headers"
  | "malformed_signature"
  | "bad_signature"
  | "untrusted_certificate";

export type SignatureCheck = { ok: true; processorDomain: string } | { ok: false; code: SignatureFailure };

/** All values of the named headers, lower-case names, in the order given. */
function headerValues(headers: HeaderBag, names: readonly string[]): string[] {
  const values: string[] = [];
  for (const name of names) {
    if (headers instanceof Headers) {
      const value = headers.get(name);
      if (value !== null) values.push(value);
      continue;
    }
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() !== name || value === undefined) continue;
      values.push(...(Array.isArray(value) ? value : [value]));
    }
  }
  return values;
}

/** The processor domain named in the headers (any of the three names), or an error when absent or contradictory. */
export function processorDomainOf(headers: HeaderBag): string | SignatureFailure {
  const domains = [...new Set(headerValues(headers, DOMAIN_HEADERS).map((d) => d.trim().toLowerCase()))];
  if (domains.length === 0 || domains[0] === "") return "missing_processor_domain";
  return domains.length > 1 ? "conflicting_headers" : domains[0]!;
}

/**
 * Why a pinned certificate cannot vouch for `domain`, or null when it can: unreadable,
 * outside its validity period, self-signed (section 4.1: MUST NOT be used), or not
 * issued for the domain (security_guidelines.md 2.vi: the domain must be in its SAN).
 */
function certificateProblem(certificatePem: string, domain: string, now: Date): string | null {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    return "unreadable";
  }
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) return "expired";
  if (certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey)) return "self-signed";
  if (certificate.checkHost(domain) === undefined) return "domain";
  return null;
}

/**
 * Checks the signature of a processor's response or callback BEFORE anything parses it
 * (section 8.8 step 4: pass the raw contents, not the parsed payload).
 *
 * @param rawBody the body bytes exactly as received.
 * @param headers the response or request headers (`Headers` or Node's header object).
 * @param trustedCertificatePem the PEM certificate configured for this processor.
 * @param options.now the time the certificate must be valid at (default: now).
 * @returns `{ ok: true, processorDomain }` or `{ ok: false, code }`. Every signature
 *   header present must verify: a request carrying a good and a bad one is refused.
 */
export function verifySignedBody(
  rawBody: Uint8Array,
  headers: HeaderBag,
  trustedCertificatePem: string,
  options: { now?: Date } = {},
): SignatureCheck {
  const domain = processorDomainOf(headers);
  if (domain === "missing_processor_domain" || domain === "conflicting_headers") return { ok: false, code: domain };
  const signatures = headerValues(headers, SIGNATURE_HEADERS).map((s) => s.replace(/\s+/g, ""));
  if (signatures.length === 0) return { ok: false, code: "missing_signature" };
  if (certificateProblem(trustedCertificatePem, domain, options.now ?? new Date()) !== null) {
    return { ok: false, code: "untrusted_certificate" };
  }
  const publicKey = new X509Certificate(trustedCertificatePem).publicKey;
  for (const signature of signatures) {
    // The spec's examples fold the base64 over several lines; whitespace is removed above.
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return { ok: false, code: "malformed_signature" };
    let valid: boolean;
    try {
      valid = verify("sha256", rawBody, publicKey, Buffer.from(signature, "base64"));
    } catch {
      valid = false;
    }
    if (!valid) return { ok: false, code: "bad_signature" };
  }
  return { ok: true, processorDomain: domain };
}

/**
 * Signs a body as a processor does (used by the reference processor and tests).
 * @returns the headers to send: signature (base64 SHA-256 signature, section 7.3) and
 *   processor domain, under the names in `headerNames` (default: the ones this portal sends).
 */
export function signBody(
  rawBody: Uint8Array,
  privateKeyPem: string,
  processorDomain: string,
  headerNames: { signature: readonly string[]; domain: readonly string[] } = {
    signature: SENT_SIGNATURE_HEADERS,
    domain: SENT_DOMAIN_HEADERS,
  },
): Record<string, string> {
  const signature = sign("sha256", rawBody, createPrivateKey(privateKeyPem)).toString("base64");
  const headers: Record<string, string> = {};
  for (const name of headerNames.signature) headers[name] = signature;
  for (const name of headerNames.domain) headers[name] = processorDomain;
  return headers;
}

/** The legacy OpenGDPR v1 header names, for processors (and tests) still speaking version 1. */
export const LEGACY_HEADER_NAMES = {
  signature: ["X-OpenGDPR-Signature"],
  domain: ["X-OpenGDPR-Processor-Domain"],
} as const;
