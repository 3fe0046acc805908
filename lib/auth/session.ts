// The signed-in person of the current request, for pages, server actions and the data access
// layer: the session cookie's token looked up in the Session table (lib/auth/sessions/), so a
// session the server ended counts for nothing. Null when nobody is signed in, the session ended
// or ran out, or (for roles that need one) the second factor is still to be proven.
import "server-only";
import { cookies } from "next/headers";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { readSession } from "./sessions/read-session";
import { sessionCookie } from "./sessions/session-cookie";
import { DEFAULT_SESSION_POLICY } from "./sessions/session-policy";
import type { StaffRole } from "../requests/workflow/actor";

export interface PortalSession {
  user: { id: string; email: string; locale: "de" | "en"; role: StaffRole | null };
  /** The session's absolute end. */
  expires: Date;
}

/** The session cookie's value in the current request (for sign-out), or null. */
export async function currentSessionToken(): Promise<string | null> {
  return (await cookies()).get(sessionCookie(appConfig().publicUrl).name)?.value ?? null;
}

export async function currentSession(): Promise<PortalSession | null> {
  const session = await readSession(db(), await currentSessionToken(), DEFAULT_SESSION_POLICY);
  if (!session || session.secondFactor === "pending") return null;
  return {
    user: { id: session.userId, email: session.email, locale: session.locale, role: session.role },
    expires: session.expires,
  };
}
