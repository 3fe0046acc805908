// Signs someone in from the sign-in page the browser is showing, with the link the SMTP
// sink receives for this attempt (the page's language decides the mail's), and follows
// mailed links as a person does: open the page behind the link, press its button. Staff
// land on the TOTP page then; demoStaffCode gives a demo staff member's current code.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { demoCode } from "../../lib/backoffice/second-factor/demo-code";
import { secondFactorKeys } from "../../lib/backoffice/second-factor/second-factor-keys";
import { createDb, type Db } from "../../lib/db/client";
import { e2eDb } from "./database";
import { E2E_WORK_DIR } from "./environment";
import { claimMail } from "./mailbox";

const words = {
  de: { label: "E-Mail-Adresse", button: "Anmeldelink senden", subject: "Anmeldelink" },
  en: { label: "Email address", button: "Send sign-in link", subject: "sign-in link" },
} as const;

const linkPattern = /https?:\/\/\S+\/(?:de|en)\/(?:sign-in\/link|requests\/confirm\/[^\s?]+)\?[^\s\]>)]+/;

/** The portal link a mail carries: a sign-in link or a request's confirmation link. */
export function mailedLink(text: string): string {
  const link = linkPattern.exec(text)?.[0];
  expect(link, text).toBeTruthy();
  return link!;
}

/** Opens a mailed link and presses the one button on its page (the only step that spends the link). */
export async function followMailedLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByTestId("link-form").getByRole("button").click();
}

export async function signInByMailedLink(page: Page, email: string, locale: "de" | "en" = "de"): Promise<void> {
  const w = words[locale];
  await page.getByLabel(w.label).fill(email);
  // The link carries the form's callback, and each mail is followed once: two workers signing the same
  // person in at once (the demo DPO) each take a link of their own to their own page.
  const callbackUrl = await page.locator('input[name="callbackUrl"]').inputValue();
  const asked = Date.now();
  await page.getByRole("button", { name: w.button }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/check-email$`));
  // Several portals share the sink: the link must lead back to this page's portal.
  const origin = new URL(page.url()).origin;
  const mail = await claimMail((m) => {
    const link = linkPattern.exec(m.text)?.[0];
    return (
      m.envelope.to.includes(email) &&
      m.subject.includes(w.subject) &&
      Date.parse(m.receivedAt) >= asked &&
      link !== undefined &&
      link.startsWith(`${origin}/`) &&
      new URL(link).searchParams.get("callbackUrl") === callbackUrl
    );
  }, 30_000);
  await followMailedLink(page, mailedLink(mail.text));
  await expect(page).not.toHaveURL(/\/sign-in\/link\?/);
}

let demoDb: Db | undefined;

/**
 * The code a demo staff member's authenticator app would show, as `npm run -s totp` computes it
 * (lib/backoffice/second-factor/demo-code.ts: the demo secret derived from the e2e portal's
 * NEXTAUTH_SECRET): for a time step after the last one accepted for them (a code counts once, in
 * any session), waiting for the next step when the current one is spent.
 */
export async function demoStaffCode(email: string, portal: "main" | "demo" = "main"): Promise<string> {
  // The demo variant (scripts/test/e2e-server.ts --demo) keeps its folder and SQLite database beside the main one's.
  const workDir = portal === "main" ? E2E_WORK_DIR : path.join(E2E_WORK_DIR, "..", "e2e-demo");
  const { nextauthSecret } = JSON.parse(fs.readFileSync(path.join(workDir, "data", "secrets.json"), "utf8")) as {
    nextauthSecret: string;
  };
  const db = portal === "main" ? e2eDb() : (demoDb ??= createDb(`file:${path.join(workDir, "portal.db")}`));
  const stored = await db.user.findUniqueOrThrow({ where: { email }, select: { staffTotp: true } });
  const lastStep = stored.staffTotp?.lastTimeStep ?? -1;
  // The portal accepts one step either side of its own; the next step's code is fine while the current one is spent.
  const step = Math.max(Math.floor(Date.now() / 30_000), lastStep + 1);
  const wait = step * 30_000 - 30_000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 500));
  const result = await demoCode(db, email, secondFactorKeys(nextauthSecret), new Date(step * 30_000 + 1_000));
  if (!result.ok) throw new Error(`no demo code for ${email}: ${result.reason}`);
  return result.code;
}
