// next-auth's endpoints: the email callback the magic link points at, session, csrf, sign-out.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { sanitiseAuthRequest } from "@/lib/auth/sanitise-auth-request";
import { db } from "@/lib/db/client";
import { clientContext } from "@/lib/security/client-context";
import { consumeLimits } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

async function handler(received: NextRequest, context: RouteContext<"/api/auth/[...nextauth]">): Promise<Response> {
  // Client-supplied callback URLs that do not parse or lead elsewhere are treated as absent (next-auth would answer 500).
  const request = await sanitiseAuthRequest(received);
  if (request instanceof Response) return request;
  if (request.method === "POST" && new URL(request.url).pathname.endsWith("/signin/email")) {
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

export { handler as GET, handler as POST };
