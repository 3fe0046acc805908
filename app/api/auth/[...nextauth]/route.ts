// next-auth's endpoints: the email callback the magic link points at, session, csrf, sign-out.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

export const dynamic = "force-dynamic";

async function handler(request: Request, context: RouteContext<"/api/auth/[...nextauth]">): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
