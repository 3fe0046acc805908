// A public page's answer, kept to be sent again: the HTML Next.js rendered once, its headers, and a
// Content-Security-Policy that approves exactly the inline scripts and styles of that HTML by their
// SHA-256 instead of the per-request nonce the first answer carried (a nonce sent to everyone would
// be no secret). Pure: the server glue is scripts/server/page-cache.ts.
import { contentSecurityPolicy, inlineHash } from "../security/csp";

export interface CachedPage {
  headers: Record<string, string>;
  body: Buffer;
}

export interface CapturedAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

// Per answer, or about the connection: never replayed.
const DROPPED = new Set([
  "content-security-policy",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "cache-control",
]);

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

/** The hash sources of the inline scripts and styles in `html` (a <script src> is a file, not inline). */
export function inlineHashes(html: string): { scriptHashes: string[]; styleHashes: string[] } {
  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();
  for (const [, tag, attributes, text] of html.matchAll(INLINE)) {
    if (tag!.toLowerCase() === "script") {
      if (!/\ssrc\s*=/i.test(attributes!) && text) scriptHashes.add(inlineHash(text));
    } else if (text) styleHashes.add(inlineHash(text));
  }
  return { scriptHashes: [...scriptHashes], styleHashes: [...styleHashes] };
}

/**
 * The answer to keep for a public page, or null when it must not be kept: anything but a complete 200
 * HTML answer, one that sets a cookie (it would be someone's), or one encoded for this client.
 * The first answer's nonce attributes are taken out of the HTML; the policy is built with `options`
 * as the proxy builds its own (lib/security/csp.ts).
 */
export function cachedPageFrom(
  answer: CapturedAnswer,
  options: { development: boolean; https: boolean },
): CachedPage | null {
  const header = (name: string) => {
    const value = answer.headers[name];
    return Array.isArray(value) ? value.join(", ") : value === undefined ? undefined : String(value);
  };
  if (answer.status !== 200 || !header("content-type")?.startsWith("text/html")) return null;
  if (header("set-cookie") !== undefined || header("content-encoding") !== undefined) return null;
  const nonce = /'nonce-([^']+)'/.exec(header("content-security-policy") ?? "")?.[1];
  let html = answer.body.toString("utf8");
  if (nonce) html = html.replaceAll(` nonce="${nonce}"`, "");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers))
    if (value !== undefined && !DROPPED.has(name.toLowerCase()))
      // The nonce is in the font's preload Link header too.
      headers[name.toLowerCase()] = nonce ? header(name)!.replaceAll(`; nonce="${nonce}"`, "") : header(name)!;
  headers["content-security-policy"] = contentSecurityPolicy(inlineHashes(html), options);
  // The same for everyone and never personal, but new with every deployment: a browser asks again.
  headers["cache-control"] = "no-cache";
  return { headers, body: Buffer.from(html, "utf8") };
}
