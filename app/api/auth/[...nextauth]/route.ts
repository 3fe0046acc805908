// next-auth's endpoints: session, csrf, providers, sign-out, and its own start of an email sign-in.
// Its email callback is not let run: a GET of it would spend the link (mail scanners open every
// link), so it leads to the page behind the link, where only a button signs in.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { sanitiseAuthRequest } from "@/lib/auth/sanitise-auth-request";
import { callbackPathOf, signInLanguage, signInLinkUrl } from "@/lib/auth/sign-in-link";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { clientContext } from "@/lib/security/client-context";
import { consumeLimits } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

async function handler(received: NextRequest, context: RouteContext<"/api/auth/[...nextauth]">): Promise<Response> {
  // Client-supplied callback URLs that do not parse or lead elsewhere are treated as absent (next-auth would answer 500).
  const request = await sanitiseAuthRequest(received);
  if (request instanceof Response) return request;
  const url = new URL(request.url);
  if (url.pathname.endsWith("/callback/email")) return toLinkPage(url);
  if (request.method === "POST" && url.pathname.endsWith("/signin/email")) {
    const refused = await signInLimit(request.clone());
    if (refused) return refused;
  }
  return NextAuth(authOptions())(request, context);
}

/** next-auth's own start of an email sign-in counts against the same limits as the sign-in form's. */
async function signInLimit(request: Request): Promise<Response | null> {
  const email = (await request.formData().catch(() => null))?.get("email");
  const { ip } = await clientContext();
  const limits = await consumeLimits(db(), [
    { limit: "sign_in_ip", key: ip },
    { limit: "sign_in_email", key: typeof email === "string" ? email : null },
  ]);
  if (limits.ok) return null;
  return new Response("Too many attempts\n", {
    status: 429,
    headers: { "Retry-After": String(limits.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Links mailed before the page existed (and any crafted one) open the page; nothing is spent here. */
function toLinkPage(url: URL): Response {
  const { publicUrl } = appConfig();
  const callbackUrl = url.searchParams.get("callbackUrl");
  const token = url.searchParams.get("token") ?? "";
  const callbackPath = callbackPathOf(callbackUrl, publicUrl);
  // A confirmation link of that time led through here to the confirmation page: it still does, with its token.
  const confirmation = new URL(callbackPath, publicUrl);
  confirmation.searchParams.set("token", token);
  const target = /^\/(de|en)\/requests\/confirm\/[^/]+$/.test(confirmation.pathname)
    ? confirmation.toString()
    : signInLinkUrl(publicUrl, signInLanguage(callbackUrl, publicUrl), token, callbackPath);
  return new Response(null, { status: 303, headers: { Location: target, "Cache-Control": "no-store" } });
}

export { handler as GET, handler as POST };
