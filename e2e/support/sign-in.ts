// Signs a data subject in from the sign-in page the browser is showing, with the link
// the SMTP sink receives for this attempt (the page's language decides the mail's).
import { expect, type Page } from "@playwright/test";
import { waitForMail } from "./mailbox";

const words = {
  de: { label: "E-Mail-Adresse", button: "Anmeldelink senden", subject: "Anmeldelink" },
  en: { label: "Email address", button: "Send sign-in link", subject: "sign-in link" },
} as const;

export async function signInByMailedLink(page: Page, email: string, locale: "de" | "en" = "de"): Promise<void> {
  const w = words[locale];
  await page.getByLabel(w.label).fill(email);
  const asked = Date.now();
  await page.getByRole("button", { name: w.button }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/check-email$`));
  const mail = await waitForMail(
    (m) => m.envelope.to.includes(email) && m.subject.includes(w.subject) && Date.parse(m.receivedAt) >= asked,
    30_000,
  );
  const link = /https?:\/\/\S+\/api\/auth\/callback\/email\?[^\s\]>)]+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();
  await page.goto(link!);
}
