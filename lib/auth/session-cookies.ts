// Writing and deleting the session cookie from server actions (sign-in by link, sign-out), with
// the name and attributes next-auth uses too (./sessions/session-cookie.ts). A deleting cookie
// must carry Secure like the one it deletes, or browsers ignore it under the __Secure- name.
import "server-only";
import { cookies } from "next/headers";
import { appConfig } from "../config/app-config";
import type { NewSession } from "./sessions/create-session";
import { sessionCookie } from "./sessions/session-cookie";

export async function setSessionCookie(session: NewSession): Promise<void> {
  const { name, options } = sessionCookie(appConfig().publicUrl);
  (await cookies()).set(name, session.token, { ...options, expires: session.expires });
}

export async function deleteSessionCookie(): Promise<void> {
  const { name, options } = sessionCookie(appConfig().publicUrl);
  (await cookies()).set(name, "", { ...options, maxAge: 0, expires: new Date(0) });
}
