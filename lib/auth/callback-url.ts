// Where a sign-in may lead back to, when a client names the place (next-auth's callbackUrl in a
// query, a form, or its callback-url cookie). Pure.

/** next-auth's callback-url cookie: plain on http, __Secure- on https (it reads the one its mode uses). */
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"] as const;

/** Longer than any path of the portal; a longer "URL" is noise an attacker controls. */
const MAX_CALLBACK_URL_LENGTH = 2_048;

/**
 * The absolute URL that `value` names when it is a path (starting with "/") or an http(s) URL on the
 * origin of `baseUrl`; null for anything else: not text, too long, unparsable ("http://[" or a port
 * "3000.evil.example"), relative without a leading slash, or on another origin ("//evil.example"
 * included). Never throws.
 */
export function sameOriginUrl(value: unknown, baseUrl: string): string | null {
  if (typeof value !== "string" || value.length > MAX_CALLBACK_URL_LENGTH) return null;
  try {
    const base = new URL(baseUrl);
    const url = value.startsWith("/") ? new URL(value, base) : new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin === base.origin ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Whether next-auth 4 can read `value` as a callback URL at all (core/lib/assert.ts isValidHttpUrl): a
 * path, or an absolute http(s) URL, wherever it points. It answers 500 to one it cannot, on every
 * endpoint and in getServerSession. Never throws.
 */
export function isParsableCallbackUrl(value: string): boolean {
  try {
    const url = value.startsWith("/") ? new URL(value, "http://localhost") : new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
