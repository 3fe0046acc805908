// What the browser's bundle gets instead of the tr46 package (next.config.js aliases "tr46" to this
// file for client code only): the browser's own IDNA, through its URL parser. tr46 with its mapping
// tables is ~99 KB gzipped, which a phone has to download and parse before the request form reacts.
//
// The URL parser runs UTS #46 too (non-transitional, with bidi and joiner checks) but without the STD3
// and DNS-length rules; the ASCII result is then held to those rules here, and canonicalEmail's own
// pattern (lib/input/email-address.ts) checks the labels again. So the browser refuses no domain the
// server accepts; where the two could still differ (a domain the browser's older Unicode version does
// not know), the browser lets it through and the server, which checks every form again, decides.
// domain-to-ascii.browser.test.ts compares both on the e-mail tests' domains.

/** tr46's `toASCII` signature, as lib/input/email-address.ts calls it: the ASCII domain, or null. */
export function toASCII(domain: string, _options?: object): string | null {
  // Anything the URL parser would read as the end of the host, a port, credentials or an IPv6 literal.
  if (domain === "" || /[\s/\\?#@:[\]%]/u.test(domain)) return null;
  let host: string;
  try {
    host = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  const labels = host.split(".");
  // STD3 (letters, digits, hyphens) and DNS lengths: 1–63 per label, 253 in all.
  if (host.length > 253 || labels.some((l) => !/^[a-z0-9-]{1,63}$/.test(l))) return null;
  return host;
}
