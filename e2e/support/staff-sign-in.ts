// Starts a signed-in staff session for specs about what staff do, not about signing in (that is
// e2e/backoffice-sign-in.spec.ts, through the mailed link and a TOTP code): the same session row
// following a link makes (lib/auth/sessions/create-session.ts), with its second factor proven now,
// and its cookie in the browser. A code counts once per person across sessions, so signing the same
// demo staff in through the TOTP page in many specs at once would make them wait for each other.
import { test, type Page } from "@playwright/test";
import { createSession } from "../../lib/auth/sessions/create-session";
import { sessionCookie } from "../../lib/auth/sessions/session-cookie";
import { DEFAULT_SESSION_POLICY } from "../../lib/auth/sessions/session-policy";
import { e2eDb } from "./database";

/** Signs `email` (a staff account) in with a proven second factor and opens `path`. */
export async function signInAsStaff(page: Page, email: string, path: string): Promise<void> {
  const db = e2eDb();
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
  const now = new Date();
  const session = await createSession(db, user, DEFAULT_SESSION_POLICY, now);
  await db.session.updateMany({ where: { userId: user.id, createdAt: now }, data: { secondFactorAt: now } });
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const { name, options } = sessionCookie(origin);
  await page
    .context()
    .addCookies([
      { name, value: session.token, url: origin, httpOnly: options.httpOnly, sameSite: "Lax", secure: options.secure },
    ]);
  await page.goto(path);
}
