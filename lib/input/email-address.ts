// One canonical form of an e-mail address, used for storage, sign-in, duplicate detection and the
// abuse limits alike, so that two spellings of one mailbox are one address everywhere:
// joerg@Müller-Beispiel.de, joerg@xn--mller-beispiel-gsb.de and joerg@ｍüｌｌｅｒ-beispiel.de are all
// joerg@xn--mller-beispiel-gsb.de. Pure, and runs in the browser too: there "tr46" is the browser's
// own IDNA (lib/input/domain-to-ascii.browser.ts, aliased in next.config.js), so the mapping tables stay
// on the server.
import { toASCII } from "tr46";
import type { InputError } from "./input-error";
import { normaliseText } from "./normalise-text";

/** RFC 5321 4.5.3.1: 64 octets before the @, 254 in all (a path of 256 with its angle brackets). */
export const MAX_LOCAL_PART = 64;
export const MAX_ADDRESS = 254;

/** zod's own e-mail pattern (z.regexes.email), with top-level domains in punycode (xn--p1ai, …) allowed too. */
const LOCAL_PART = String.raw`(?:[a-z0-9_'+\-]+\.)*[a-z0-9_'+\-]*[a-z0-9_+-]`;
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;
const TOP_LEVEL = String.raw`(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})`;
export const CANONICAL_EMAIL = new RegExp(`^${LOCAL_PART}@(?:${LABEL}\\.)+${TOP_LEVEL}$`);

/** UTS #46 as e-mail domains are converted: non-transitional, STD3 rules, bidi and joiner checks, DNS lengths. */
export const UTS46_OPTIONS = {
  checkBidi: true,
  checkHyphens: false,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  transitionalProcessing: false,
  verifyDNSLength: true,
} as const;

export type EmailCheck = { ok: true; address: string } | { ok: false; error: InputError };

const invalid: EmailCheck = { ok: false, error: { code: "invalid_email" } };

/**
 * The canonical form of an address, or why `value` is none.
 *
 * Trimmed and NFC (lib/input/normalise-text.ts, whose character errors it passes on); split at the
 * last @; the domain through UTS #46 (tr46, non-transitional, STD3 rules, bidi and joiner checks,
 * DNS lengths), which maps full-width and upper-case letters and gives lower-case punycode; the
 * part before the @ lower-cased. Addresses are compared lower-case everywhere in the portal:
 * RFC 5321 lets a server tell "Anna" from "anna", but no mail service in use does, and a person who
 * types their address in another case must still find their requests. A part before the @ that is
 * not ASCII is refused (`email_not_ascii`): most mail servers do not speak SMTPUTF8 (RFC 6531), so
 * mail to it would not arrive. Then the pattern of zod's e-mail check, with punycode top-level
 * domains allowed. At most 254 characters (`invalid_email` beyond: no mailbox has a longer address).
 *
 * A canonical address is its own canonical form.
 */
export function canonicalEmail(value: string): EmailCheck {
  return canonicalEmailUsing(toASCII, value);
}

/** canonicalEmail with another UTS #46 implementation (tr46's `toASCII` signature): for comparing them. */
export function canonicalEmailWith(domainToAscii: typeof toASCII): (value: string) => EmailCheck {
  return (value) => canonicalEmailUsing(domainToAscii, value);
}

function canonicalEmailUsing(toAscii: typeof toASCII, value: string): EmailCheck {
  const text = normaliseText(value);
  if (!text.ok) return text;
  const at = text.text.lastIndexOf("@");
  if (at <= 0 || at === text.text.length - 1) return invalid;
  const local = text.text.slice(0, at);
  if (/[^\x00-\x7f]/.test(local)) return { ok: false, error: { code: "email_not_ascii" } };
  if (local.length > MAX_LOCAL_PART) return invalid;
  const domain = toAscii(text.text.slice(at + 1), UTS46_OPTIONS);
  if (domain === null) return invalid;
  const address = `${local.toLowerCase()}@${domain}`;
  if (address.length > MAX_ADDRESS || !CANONICAL_EMAIL.test(address)) return invalid;
  return { ok: true, address };
}

/**
 * The form the per-address abuse limits count by: the canonical address without a "+tag" after the
 * part before the @ (victim+1@example.org and victim+2@… are one mailbox to whoever floods it).
 * Only for limit keys: the request, the account and the mail keep the address as given.
 * Text that is no address is counted as itself, trimmed, NFC and lower-cased.
 */
export function emailLimitKey(value: string): string {
  const canonical = canonicalEmail(value);
  if (!canonical.ok) return value.trim().normalize("NFC").toLowerCase();
  const at = canonical.address.lastIndexOf("@");
  const local = canonical.address.slice(0, at);
  const plus = local.indexOf("+");
  return plus > 0 ? `${local.slice(0, plus)}${canonical.address.slice(at)}` : canonical.address;
}
