// Signs in from the page sign-in is showing (German), with the link the SMTP sink receives.
import { expect, type Page } from "@playwright/test";
import { waitForMail } from "./mailbox";

export async function signInByMailedLink(page: Page, email: string): Promise<void> {
  await page.getByLabel("E-Mail-Adresse").fill(email);
  const asked = Date.now();
  await page.getByRole("button", { name: "Anmeldelink senden" }).click();
  await expect(page).toHaveURL(/\/de\/sign-in\/check-email$/);
  const mail = await waitForMail(
    (m) => m.envelope.to.includes(email) && m.subject.includes("Anmeldelink") && Date.parse(m.receivedAt) >= asked,
    30_000,
  );
  const link = /https?:\/\/\S+\/api\/auth\/callback\/email\?[^\s\]>)]+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();
  await page.goto(link!);
}
