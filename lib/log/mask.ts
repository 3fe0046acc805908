import { isIPv4, isIPv6 } from "node:net";

// Logs are read by operators and shipped to other systems, so they must not carry
// personal data (Art. 5(1)(c) data minimisation, Art. 32 security). Everything that
// goes into a log line passes through scrub(): email addresses and IP addresses are
// masked wherever they appear, and fields that hold names are dropped.

// Unicode letters too: anna@müller.de and jörg@example.org are addresses as well.
const EMAIL = /[\p{L}\p{N}._%+-]+@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*)\.(\p{L}{2,})/gu;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
// Candidates only: anything with two or more colons among hex digits; isIPv6 decides.
const IPV6_CANDIDATE = /[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*/gi;

/** Field names whose whole value is personal data and is never logged. */
const DROPPED_KEYS = new Set([
  "name",
  "fullname",
  "firstname",
  "lastname",
  "givenname",
  "familyname",
  "subjectname",
  "address",
  "phone",
  "password",
  "token",
  "cookie",
  "authorization",
  "secret",
]);

export const REDACTED = "[redacted]";

export function maskEmail(email: string): string {
  return email.replace(EMAIL, (_match, domain: string, tld: string) => `***@${domain.charAt(0)}***.${tld}`);
}

export function maskIps(text: string): string {
  // IPv6 first: an IPv4-mapped address (::ffff:10.0.0.1) must be seen whole.
  return text
    .replace(IPV6_CANDIDATE, (candidate) => {
      // "addr:2001:db8::1" yields the candidate ":2001:db8::1": a single leading colon is the text's, not the address's.
      const lead = candidate.startsWith(":") && !candidate.startsWith("::") ? ":" : "";
      const ip = candidate.slice(lead.length);
      if (!isIPv6(ip)) return candidate;
      const [first = "", second = ""] = ip.split(":");
      return `${lead}${first}:${second}:x::`;
    })
    .replace(IPV4, (ip) => (isIPv4(ip) ? ip.split(".").slice(0, 2).join(".") + ".x.x" : ip));
}

export function scrubText(text: string): string {
  return maskIps(maskEmail(text));
}

/** A copy of value fit for a log line. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8) return "[deep]";
  if (value instanceof Error) {
    return { type: value.name, message: scrubText(value.message), stack: value.stack && scrubText(value.stack) };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = DROPPED_KEYS.has(key.toLowerCase()) ? REDACTED : scrub(inner, depth + 1);
  }
  return out;
}
