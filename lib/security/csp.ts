// A strict Content-Security-Policy: scripts and styles run only with this
// response's nonce (no 'unsafe-inline'), nothing may frame the portal, and forms
// only post back to it. The other headers close the usual browser side channels.

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  // React's development build evaluates code for its debugging helpers.
  const devScript = options.development ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devScript}`,
    `style-src 'self' 'nonce-${nonce}'`,
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
