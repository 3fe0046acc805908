// Signs a demo staff member in as a newcomer would: the sign-in page with the back-office page as
// callback, the magic link from the SMTP sink, then (where the role needs it) the TOTP page.
import type { Page } from "@playwright/test";
import { signInByMailedLink } from "./sign-in";

/** Signs `email` in from the sign-in page and ends on `path` (a back-office page). */
export async function signInAsStaff(page: Page, email: string, locale: "de" | "en", path: string): Promise<void> {
  await page.goto(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await signInByMailedLink(page, email, locale);
}
