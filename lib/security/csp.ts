// A strict Content-Security-Policy: scripts and styles run only with this response's nonce, or, on a
// page served from the page cache (the same HTML for everyone), only inline code whose SHA-256 the
// policy lists; never 'unsafe-inline'. Nothing may frame the portal, and forms only post back to it.
// The other headers close the usual browser side channels.
import { createHash } from "node:crypto";

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * What lets a page's own inline code run: this response's nonce (a page rendered per request), or the
 * hashes of exactly the inline scripts and styles in a cached page's HTML ("sha256-<base64>" each).
 */
export type InlineApproval = { nonce: string } | { scriptHashes: string[]; styleHashes: string[] };

export function contentSecurityPolicy(
  approval: string | InlineApproval,
  options: { development: boolean; https: boolean },
): string {
  const approved = typeof approval === "string" ? { nonce: approval } : approval;
  // React's development build evaluates code for its debugging helpers.
  const devScript = options.development ? " 'unsafe-eval'" : "";
  const quoted = (hashes: string[]) => hashes.map((h) => ` '${h}'`).join("");
  // With a nonce, 'strict-dynamic' passes the trust on to the chunks Next.js's scripts load. A cached page
  // has no nonce for its <script src> tags, so it trusts the portal's own origin for files instead: those
  // are the build's chunks (uploads are served under a sandbox policy, as attachments, with nosniff).
  const scripts =
    "nonce" in approved
      ? `'self' 'nonce-${approved.nonce}' 'strict-dynamic'`
      : `'self'${quoted(approved.scriptHashes)}`;
  const styles = "nonce" in approved ? `'self' 'nonce-${approved.nonce}'` : `'self'${quoted(approved.styleHashes)}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}${devScript}`,
    `style-src ${styles}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only where the portal is served over HTTPS: on a plain-HTTP demo it would break every asset.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The policy's options for a configuration: eval only in development, HTTPS upgrades only in production. */
export function policyOptions(e: { NODE_ENV: string; PORTAL_MODE: string }): { development: boolean; https: boolean } {
  return { development: e.NODE_ENV === "development", https: e.PORTAL_MODE === "production" };
}

/** The CSP hash source of one inline script or style: "sha256-" and the base64 SHA-256 of its UTF-8 text. */
export function inlineHash(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

export function securityHeaders(options: { hsts: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // same-origin, not no-referrer: other sites still learn nothing, but under no-referrer a browser sends
    // "Origin: null" with a plain form POST, and Next.js refuses such server actions, so forms (sign-in)
    // would not work without JavaScript.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(options.hsts ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * For the demo mailbox's HTML view of a mail: mail HTML relies on inline styles, and
 * must not run anything or reach anywhere. "sandbox" gives it an opaque origin.
 */
export const mailPreviewPolicy =
  "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/**
 * For attachment downloads: whatever a browser makes of the bytes runs in an opaque origin
 * with nothing allowed, should it ever render them instead of saving them.
 */
export const downloadPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";
