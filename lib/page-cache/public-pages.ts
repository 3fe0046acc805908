// Which requests the page cache may answer: the public pages, whose HTML is the same for everyone
// (no personal data, nothing from the session or the query), as a browser loads them. Everything
// else (personal pages, server actions, Next.js's own navigation requests) goes to Next.js every time.
import { locales } from "../i18n/locales";

const LOCALE = `(?:${locales.join("|")})`;

/**
 * The public pages: home, the privacy statement and each of its versions, the rights overview and each
 * request form. Their content changes only with a new build (content/ and the messages are build
 * inputs) or the configuration, which a restart reads; a path that is no page answers 404 and is never
 * kept (only 200 answers are), so the keys are bounded by the real pages.
 */
const PUBLIC_PAGE = new RegExp(`^/${LOCALE}(?:/privacy(?:/versions/[A-Za-z0-9._-]+)?|/requests/new(?:/[a-z_]+)?)?$`);

/**
 * The cache key of a request the page cache may answer (its path), or null.
 *
 * Only GET and HEAD of a public page's path with no query string, and without the headers Next.js's
 * client router sends (RSC, Next-Router-*, Next-Action, Next-Url: those ask for a flight payload or
 * run an action, not for the page's HTML).
 */
export function pageCacheKey(
  method: string | undefined,
  url: string | undefined,
  headers: Record<string, unknown>,
): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url || url.includes("?")) return null;
  if (!PUBLIC_PAGE.test(url)) return null;
  for (const name of Object.keys(headers)) if (name === "rsc" || name.startsWith("next-")) return null;
  return url;
}
