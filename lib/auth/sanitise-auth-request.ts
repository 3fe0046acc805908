// What a client sends to next-auth's endpoints, made safe for next-auth 4 before it reads it. next-auth
// answers 500 when a callbackUrl (query, form, or its callback-url cookie) does not parse as a URL
// (core/lib/assert.ts: InvalidCallbackUrl; the default redirect callback's `new URL`), when a JSON body
// does not parse, or when a field it reads is not text. Client-supplied callback URLs that are no place
// of ours are treated as absent (next-auth then uses the portal's start), the cookie is cleared, and a
// JSON body that does not parse is refused with 400.
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { appConfig } from "../config/app-config";
import { refusalText } from "../request-gate/request-gate";
import { CALLBACK_URL_COOKIES, sameOriginUrl } from "./callback-url";

/** The callback-url cookies (name, value) whose value is no path or URL of `baseUrl`'s origin. */
export function unusableCallbackCookies(cookies: { name: string; value: string }[], baseUrl: string): string[] {
  return cookies
    .filter(({ name, value }) => (CALLBACK_URL_COOKIES as readonly string[]).includes(name) && value !== "")
    .filter(({ value }) => sameOriginUrl(value, baseUrl) === null)
    .map(({ name }) => name);
}

/**
 * `params` with its callbackUrl made safe, or null when nothing needs to change. next-auth reads the
 * last value (Object.fromEntries): that one is kept as it came if it is ours, and every callbackUrl is
 * dropped otherwise.
 */
export function sanitiseParams(params: URLSearchParams, baseUrl: string): URLSearchParams | null {
  const values = params.getAll("callbackUrl");
  if (values.length === 0) return null;
  const last = values.at(-1)!;
  const usable = sameOriginUrl(last, baseUrl) !== null;
  if (values.length === 1 && usable) return null;
  const safe = new URLSearchParams(params);
  safe.delete("callbackUrl");
  if (usable) safe.set("callbackUrl", last);
  return safe;
}

export type BodyVerdict = { kind: "unchanged" } | { kind: "replaced"; text: string } | { kind: "malformed" };

/**
 * A POST body as next-auth reads it (next/utils.ts getBody: JSON first, then URL-encoded; others it
 * ignores): a JSON body must parse (else "malformed"), and only its text fields are kept (next-auth
 * calls string methods on them); the callbackUrl of either is made safe as in sanitiseParams.
 */
export function sanitiseBody(contentType: string | null, text: string, baseUrl: string): BodyVerdict {
  if (contentType?.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: "malformed" };
    }
    const fields =
      parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
        ? Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string")
        : [];
    const params = new URLSearchParams(fields);
    const safe = Object.fromEntries(sanitiseParams(params, baseUrl) ?? params);
    const replaced = JSON.stringify(safe);
    return replaced === JSON.stringify(parsed) ? { kind: "unchanged" } : { kind: "replaced", text: replaced };
  }
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    const safe = sanitiseParams(new URLSearchParams(text), baseUrl);
    return safe ? { kind: "replaced", text: safe.toString() } : { kind: "unchanged" };
  }
  return { kind: "unchanged" };
}

/**
 * The request for next-auth's route handler with every client-supplied callback URL made safe (query,
 * body, callback-url cookies: those are cleared in the cookie jar next-auth reads, and in the browser),
 * or a 400 answer for a JSON body that does not parse. Returns `request` itself when all was well.
 */
export async function sanitiseAuthRequest(request: NextRequest): Promise<NextRequest | Response> {
  const baseUrl = appConfig().publicUrl;
  const jar = await cookies();
  for (const name of unusableCallbackCookies(jar.getAll(), baseUrl)) {
    jar.set({ name, value: "", expires: new Date(0), path: "/", secure: name.startsWith("__Secure-") });
  }
  const url = new URL(request.url);
  const query = sanitiseParams(url.searchParams, baseUrl);
  const body =
    request.method === "POST" && request.body
      ? sanitiseBody(request.headers.get("content-type"), await request.clone().text(), baseUrl)
      : ({ kind: "unchanged" } as const);
  if (body.kind === "malformed") {
    return new Response(refusalText("bad_request", 0), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (!query && body.kind === "unchanged") return request;
  if (query) url.search = query.toString();
  const headers = new Headers(request.headers);
  if (body.kind === "replaced") headers.delete("content-length");
  const text = body.kind === "replaced" ? body.text : request.body ? await request.text() : undefined;
  return new NextRequest(url, { method: request.method, headers, body: text });
}
