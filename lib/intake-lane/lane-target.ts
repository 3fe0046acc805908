// Which posts the intake lane (./file-by-lane.ts) serves instead of Next.js: a request form sent by
// someone not signed in, as a plain form post (no JavaScript) or by the form's own script (which asks
// for JSON, ./lane-reply.ts). Everything else, and every post the lane would answer other than
// "filed", goes to the form's server action in Next.js as before.
import { parse } from "cookie";
import { isLocale, type Locale } from "../i18n/locales";
import { isRequestType, type RequestType } from "../requests/request-types";

export interface LaneTarget {
  locale: Locale;
  type: RequestType;
}

export interface LanePost {
  method: string;
  /** The request target as sent ("/path?query"). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

const FORM_PATH = /^\/([a-z]{2})\/requests\/new\/([a-z_]+)$/;

/**
 * The form's locale and request type when the lane serves this post, else null. `form` is the form the
 * request gate parsed (lib/request-gate/): non-null only for a sound multipart post to a page without a
 * Next-Action header (Next.js takes it for a plain form post to a server action) whose Origin, if sent, is this host (the gate answered 403 otherwise, as Next.js would refuse
 * it). The form must be the request form of that very page (its hidden `locale` and `type` fields), and
 * no session cookie may come with it: a signed-in subject's filing is confirmed by their session, which
 * only next-auth in Next.js reads.
 */
export function laneTarget(post: LanePost, form: FormData | null, sessionCookieName: string): LaneTarget | null {
  if (!form || post.method !== "POST") return null;
  const match = FORM_PATH.exec(post.url);
  if (!match) return null;
  const [, locale, type] = match;
  if (!isLocale(locale) || !isRequestType(type)) return null;
  if (form.get("locale") !== locale || form.get("type") !== type) return null;
  const cookie = [post.headers.cookie ?? []].flat().join("; ");
  if (cookie && parse(cookie)[sessionCookieName] !== undefined) return null;
  return { locale, type };
}
