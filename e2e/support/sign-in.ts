// Signs a data subject in from the sign-in page the browser is showing, with the link
// the SMTP sink receives for this attempt (the page's language decides the mail's), and
// follows mailed links as a person does: open the page behind the link, press its button.
import { expect, type Page } from "@playwright/test";
import { waitForMail } from "./mailbox";

const words = {
  de: { label: "E-Mail-Adresse", button: "Anmeldelink senden", subject: "Anmeldelink" },
  en: { label: "Email address", button: "Send sign-in link", subject: "sign-in link" },
} as const;

/** The portal link a mail carries: a sign-in link or a request's confirmation link. */
export function mailedLink(text: string): string {
  const link = /https?:\/\/\S+\/(?:de|en)\/(?:sign-in\/link|requests\/confirm\/[^\s?]+)\?[^\s\]>)]+/.exec(text)?.[0];
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
  const asked = Date.now();
  await page.getByRole("button", { name: w.button }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/check-email$`));
  // Several portals share the sink: the link must lead back to this page's portal.
  const origin = new URL(page.url()).origin;
  const mail = await waitForMail(
    (m) =>
      m.envelope.to.includes(email) &&
      m.subject.includes(w.subject) &&
      Date.parse(m.receivedAt) >= asked &&
      m.text.includes(`${origin}/`),
    30_000,
  );
  await followMailedLink(page, mailedLink(mail.text));
  await expect(page).not.toHaveURL(/\/sign-in\/link\?/);
}
