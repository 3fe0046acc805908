// Filing a request on the public form as a data subject does (no account, so through the intake lane,
// lib/intake-lane/), and the confirmation mail it brings (Art. 12(3): the clock starts on confirmation).
import { expect, type Page } from "@playwright/test";
import type { SinkMail } from "../../scripts/test/smtp-sink";
import type { RequestType } from "../../lib/requests/request-types";
import { waitForMail } from "./mailbox";

/** What the rectification form's second item corrects an address to: text that looks like markup. */
export const NAME_WITH_ADDRESS = "Max Mustermann <max.alt@example.org>";

/** A valid, minimal answer for each right, by field name (the same in both languages). */
export const fillIn: Record<RequestType, (page: Page) => Promise<void>> = {
  access: async (page) => {
    await page.locator('[name="details.scope"][value="categories"]').check();
    await page.locator('[name="details.categories"][value="email-address"]').check();
    await page.locator('[name="details.copy"][value="yes"]').check();
  },
  rectification: async (page) => {
    await page.locator('[name="details.items.0.data"]').fill("Postanschrift");
    await page.locator('[name="details.items.0.currentValue"]').fill("Hauptstraße 1");
    await page.locator('[name="details.items.0.correctValue"]').fill("Hauptstraße 10");
    // As pasted from a mail client: text, not markup (issue 11, item 3). Stored and shown as typed.
    await page.locator('[name="details.items.1.data"]').fill("E-Mail-Adresse");
    await page.locator('[name="details.items.1.currentValue"]').fill("max@example.org");
    await page.locator('[name="details.items.1.correctValue"]').fill(NAME_WITH_ADDRESS);
  },
  erasure: async (page) => {
    await page.locator('[name="details.scope"][value="all"]').check();
    await page.locator('[name="details.ground"][value="unsure"]').check();
  },
  restriction: async (page) => {
    await page.locator('[name="details.ground"][value="a"]').check();
  },
  portability: async (page) => {
    await page.locator('[name="details.format"][value="csv"]').check();
  },
  objection: async (page) => {
    await page.locator('[name="details.target"][value="processing"]').check();
    await page.locator('[name="details.processingIds"]').first().check();
    await page.locator('[name="details.grounds"]').fill("I am a journalist and my location must stay private.");
  },
  consent_withdrawal: async (page) => {
    await page.locator('[name="details.consentIds"]').first().check();
  },
};

export const requestFormWords = {
  de: { submit: "Anfrage senden", checkTitle: "Bitte bestätigen Sie Ihre Anfrage", mailSubject: "Bitte bestätigen" },
  en: { submit: "Send request", checkTitle: "Please confirm your request", mailSubject: "Please confirm" },
} as const;

/**
 * Opens the form for `type` in `locale` signed out and waits until it has asked who is signed in
 * (nobody: it files through the intake lane), so that nothing is typed into a form still deciding.
 */
export async function openRequestForm(page: Page, locale: "de" | "en", type: RequestType): Promise<void> {
  const asked = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/session");
  await page.goto(`/${locale}/requests/new/${type}`);
  await asked;
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/**
 * Files a request of `type` from `email` on the form in `locale` (its minimal answer, fillIn); ends
 * on the check-email page. Returns when it was sent (ms since the epoch), to find its mail by.
 */
export async function fileRequest(
  page: Page,
  locale: "de" | "en",
  type: RequestType,
  email: string,
  name = "Alex Beispiel",
): Promise<number> {
  await openRequestForm(page, locale, type);
  await fillIn[type](page);
  await page.locator('[name="email"]').fill(email);
  await page.locator('[name="name"]').fill(name);
  const sent = Date.now();
  await page.getByRole("button", { name: requestFormWords[locale].submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/requests/check-email$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(requestFormWords[locale].checkTitle);
  return sent;
}

/** The mail asking `email` to confirm a request filed in `locale` since `sent` (a second of clock skew allowed). */
export async function confirmationMail(email: string, locale: "de" | "en", sent: number): Promise<SinkMail> {
  return waitForMail(
    (m) =>
      m.envelope.to.includes(email) &&
      m.subject.startsWith(requestFormWords[locale].mailSubject) &&
      Date.parse(m.receivedAt) >= sent - 1000,
    30_000,
  );
}
