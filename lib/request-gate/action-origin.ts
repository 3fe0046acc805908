// Which posts Next.js treats as server actions, and its rule against cross-site ones, repeated in
// front of it: Next.js refuses such a post by throwing, which answers 500 (app-render/action-handler.ts
// in next 16: `isFetchAction`/`isMultipartAction`, `parseHostHeader`). The gate answers 403 instead.
// next.config.js sets no `serverActions.allowedOrigins`; should it ever, this rule must learn them.

export type NodeHeaders = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether Next.js would run a page's server action for this request: a POST carrying a `Next-Action`
 * header (React's fetch) or a multipart body (a plain form post). URL-encoded posts never reach an
 * action in Next.js 16. Only page paths: /api/… are route handlers, which read their own bodies.
 */
export function isActionPost(method: string, pathname: string, headers: NodeHeaders): boolean {
  if (method !== "POST" || pathname.startsWith("/api/")) return false;
  // Next.js compares the raw header with startsWith, so "Multipart/Form-Data" is no action to it either.
  return (
    headers["next-action"] !== undefined ||
    (single(headers["content-type"])?.startsWith("multipart/form-data") ?? false)
  );
}

/**
 * Next.js's CSRF rule for server actions: an Origin header, when present, must name the host the
 * request was sent to (the first X-Forwarded-Host entry, else Host). `Origin: null` (sandboxed frames,
 * privacy-stripped requests) never matches; a request without Origin is let through, as Next.js does
 * (browsers always send it with a POST). True when the post must be refused.
 */
export function isCrossOriginAction(headers: NodeHeaders): boolean {
  const origin = single(headers.origin);
  if (origin === undefined) return false;
  let originHost: string;
  if (origin === "null") originHost = "null";
  else {
    try {
      originHost = new URL(origin).host;
    } catch {
      return true;
    }
  }
  const forwarded = single(headers["x-forwarded-host"])?.split(",")[0]?.trim();
  const host = forwarded || single(headers.host);
  return !host || originHost !== host;
}
