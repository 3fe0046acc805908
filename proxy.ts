// Runs before every page and API request (Next.js 16 "proxy", formerly middleware):
// sends visitors without a locale in the URL to /de or /en by Accept-Language, and
// sets a fresh CSP nonce plus the security headers on every response.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/config/env";
import { isLocale, negotiateLocale } from "@/lib/i18n/locales";
import {
  contentSecurityPolicy,
  createNonce,
  downloadPolicy,
  mailPreviewPolicy,
  policyOptions,
  securityHeaders,
} from "@/lib/security/csp";

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const e = env();
  const production = e.PORTAL_MODE === "production";
  const isApi = pathname.startsWith("/api/");

  let response: NextResponse;
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, policyOptions(e));
  // Bodies over the size limit (413) and other malformed requests never get here: lib/request-gate/ answers them.
  if (!isApi && !isLocale(pathname.split("/")[1])) {
    const locale = negotiateLocale(request.headers.get("accept-language"));
    const target = new URL(`/${locale}${pathname === "/" ? "" : pathname}${search}`, request.url);
    response = NextResponse.redirect(target, 307);
    response.headers.set("Vary", "Accept-Language");
  } else {
    // Next.js reads the policy from the request headers to put the nonce on its own scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policyFor(pathname, csp));
  for (const [name, value] of Object.entries(securityHeaders({ hsts: production }))) response.headers.set(name, value);
  return response;
}

function policyFor(pathname: string, pagePolicy: string): string {
  if (pathname.startsWith("/api/demo-mailbox/")) return mailPreviewPolicy;
  if (pathname.startsWith("/api/attachments/")) return downloadPolicy;
  return pagePolicy;
}

export const config = {
  // Static build assets carry no personal data and need no nonce.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
