// A newcomer on the demo as `npm start` gives it (no SMTP server: the built-in mailbox), issue 11's
// acceptance: from the home page to a confirmed request and its case page by following only what the
// pages say. One address typed (the first); after it, only clicks on what is shown and the form's
// fields. Reloading the mailbox is what a person does while a mail is on its way.
import { expect, test } from "@playwright/test";
import { E2E_DEMO_PORT } from "./support/environment";

const demo = `http://127.0.0.1:${E2E_DEMO_PORT}`;

const words = {
  en: {
    nav: "Main navigation",
    rights: "Your rights",
    start: /^Start this request\s*: Access$/,
    scope: "All data you hold about me",
    copy: /^A copy of my data/,
    email: "Email address",
    send: "Send request",
    masked: "n***@example.org",
    mailbox: "Open the demo mailbox",
    mailboxTitle: "Demo mailbox",
    subject: /^Please confirm your request “Access/,
    confirm: "Confirm the request and sign in",
    status: "received",
    notice: /^Thank you: your request is confirmed\./,
  },
  de: {
    nav: "Hauptnavigation",
    rights: "Ihre Rechte",
    start: /^Diese Anfrage stellen\s*: Auskunft$/,
    scope: "Alle Daten, die Sie über mich haben",
    copy: /^Eine Kopie meiner Daten/,
    email: "E-Mail-Adresse",
    send: "Anfrage senden",
    masked: "n***@example.org",
    mailbox: "Demo-Postfach öffnen",
    mailboxTitle: "Demo-Postfach",
    subject: /^Bitte bestätigen Sie Ihre Anfrage „Auskunft/,
    confirm: "Anfrage bestätigen und anmelden",
    status: "eingegangen",
    notice: /^Vielen Dank: Ihre Anfrage ist bestätigt\./,
  },
} as const;

for (const locale of ["en", "de"] as const) {
  test(`${locale}: home → rights → form → check-email → demo mailbox → mail → link → confirm → case page, no URL typed`, async ({
    page,
  }) => {
    // Two portals' pages, a mail on its way and a sign-in: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    const w = words[locale];
    const email = `newcomer-${locale}-${Date.now()}@example.org`;
    await page.goto(`${demo}/${locale}`);

    await page.getByRole("navigation", { name: w.nav }).getByRole("link", { name: w.rights, exact: true }).click();
    await page.getByRole("link", { name: w.start }).click();
    await page.getByRole("radio", { name: w.scope }).check();
    await page.getByRole("radio", { name: w.copy }).check();
    await page.getByRole("textbox", { name: w.email }).fill(email);
    await page.getByRole("button", { name: w.send }).click();

    // The page says where the mail went and where to read it in the demo.
    await expect(page.getByTestId("check-email-text")).toContainText(w.masked);
    await page.getByRole("link", { name: w.mailbox }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.mailboxTitle);

    // The mail is listed at once and gets its subject when the outbox has delivered it.
    const mail = page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: w.subject });
    await expect(async () => {
      await page.reload();
      await expect(mail).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await mail.click();
    await page.getByRole("link", { name: /\/requests\/confirm\/DSR-\d{4}-\d{6}\?/ }).click();
    await page.getByRole("button", { name: w.confirm }).click();

    await expect(page.getByTestId("case-notice")).toHaveText(w.notice);
    await expect(page.getByTestId("case-summary")).toContainText(w.status);
    // Every step was a click: the portal's own pages led the way, and the case page is this portal's.
    expect(new URL(page.url()).origin).toBe(demo);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${locale}/my/requests/DSR-\\d{4}-\\d{6}$`));
  });
}
