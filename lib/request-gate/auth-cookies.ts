// next-auth's callback-url cookie, as a client may have set it to anything: next-auth checks it on every
// call, getServerSession included, so a value it cannot parse ("http://[") turns every page that asks
// for the session into a 500. The gate removes such a cookie from the request: treated as absent.
import { CALLBACK_URL_COOKIES, isParsableCallbackUrl } from "../auth/callback-url";

/**
 * The Cookie header without callback-url cookies whose value next-auth cannot parse, or null when none
 * is there. Pairs are read as Next.js's cookies() reads them (split on ";", value percent-decoded; one
 * that does not decode is dropped there anyway); every other pair is kept byte for byte.
 */
export function withoutUnparsableCallbackCookies(header: string): string | null {
  const pairs = header.split(/; */);
  const kept = pairs.filter((pair) => {
    const at = pair.indexOf("=");
    if (at === -1 || !(CALLBACK_URL_COOKIES as readonly string[]).includes(pair.slice(0, at))) return true;
    try {
      return isParsableCallbackUrl(decodeURIComponent(pair.slice(at + 1)));
    } catch {
      return false;
    }
  });
  return kept.length === pairs.length ? null : kept.filter(Boolean).join("; ");
}
