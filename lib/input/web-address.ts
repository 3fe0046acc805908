// An https web address a person gives (e.g. where another controller takes ported data, Art. 20(2)):
// parsed by the WHATWG URL parser, as browsers do, and stored in its serialized form. Pure.
import { codePointName, type InputError } from "./input-error";

/**
 * ASCII characters RFC 3986 allows in a URI: unreserved, reserved and "%" (checked below as the
 * start of a percent-encoding). Non-ASCII letters are allowed as in an IRI (RFC 3987): the parser
 * turns the host into punycode and percent-encodes the rest.
 */
const URI_CHARACTER = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const PERCENT_ENCODING = /^%[0-9A-Fa-f]{2}/;

export type WebAddressCheck = { ok: true; url: string } | { ok: false; error: InputError };

/**
 * `value` (already through normaliseText) as a serialized https URL, or why not: `url_character`
 * for an ASCII character RFC 3986 does not allow (space, `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`,
 * `}`) or a "%" that starts no percent-encoding, so `https://x.example/?q="><script>` is refused
 * rather than stored; `url_credentials` for a user name or password; `invalid_endpoint` for
 * anything that is not an absolute https URL with a host.
 */
export function httpsWebAddress(value: string): WebAddressCheck {
  let position = 0;
  let offset = 0;
  for (const char of value) {
    position++;
    const cp = char.codePointAt(0)!;
    const badPercent = char === "%" && !PERCENT_ENCODING.test(value.slice(offset));
    if (cp < 0x80 && (!URI_CHARACTER.test(char) || badPercent)) {
      return { ok: false, error: { code: "url_character", character: codePointName(cp), position } };
    }
    offset += char.length;
  }
  if (!/^https:\/\//i.test(value) || !URL.canParse(value)) return { ok: false, error: { code: "invalid_endpoint" } };
  const url = new URL(value);
  if (url.username || url.password) return { ok: false, error: { code: "url_credentials" } };
  if (url.protocol !== "https:" || !url.hostname) return { ok: false, error: { code: "invalid_endpoint" } };
  return { ok: true, url: url.href };
}
