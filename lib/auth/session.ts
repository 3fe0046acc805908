// The signed-in person of the current request, for pages, server actions and the data access
// layer. Null when nobody is signed in (or the session cookie is not ours).
import "server-only";
import { getServerSession, type Session } from "next-auth";
import { authOptions } from "./auth-options";

export async function currentSession(): Promise<Session | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? session : null;
}
