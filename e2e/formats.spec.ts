// One style of dates, times, numbers and sizes per language (lib/format): English as in the
// United Kingdom ("30 November 2026", "10,000", "1.2 MB"), German as in Germany ("30. November 2026",
// "10.000", "1,2 MB"), times on the 24-hour clock with the controller's zone ("at 09:30 CET").
// Walked as a data subject meets it, in both languages: the home page and the privacy statement, a
// form's limit in its error, the confirmation and acknowledgement mails from the SMTP sink, the case
// page with its files and a message, the list of requests; and the demo mailbox with a mail in it.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E_DEMO_PORT } from "./support/environment";
import { waitForMail } from "./support/mailbox";
import { mailedLink } from "./support/sign-in";

type Locale = "de" | "en";

const MONTHS: Record<Locale, string> = {
  en: "January|February|March|April|May|June|July|August|September|October|November|December",
  de: "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
};
/** A calendar date in the language's one style. */
const DATE: Record<Locale, string> = {
  en: `\\d{1,2} (?:${MONTHS.en}) \\d{4}`,
  de: `\\d{1,2}\\. (?:${MONTHS.de}) \\d{4}`,
};
/** A date with its time: 24-hour clock, and the zone as people there read it (the controller's zone, Europe/Berlin). */
const DATE_TIME: Record<Locale, string> = {
  en: `${DATE.en} at \\d{2}:\\d{2} (?:CET|CEST)`,
  de: `${DATE.de} um \\d{2}:\\d{2} (?:MEZ|MESZ)`,
};

/** Styles that must never appear: the US order, short month names, numeric dates, the 12-hour clock, ISO days. */
const FOREIGN: Record<Locale, RegExp[]> = {
  en: [
    new RegExp(`\\b(?:${MONTHS.en}) \\d{1,2}, \\d{4}`), // November 30, 2026
    /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2},? \d{4}/, // Nov 30, 2026
    /\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}/, // 30 Nov 2026
    new RegExp(`\\b\\d{1,2}\\. (?:${MONTHS.de}) \\d{4}`), // 30. November 2026
    /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/, // 11/30/2026, 30.11.2026
    /\b\d{1,2}:\d{2}(?::\d{2})?\s?(?:AM|PM|am|pm|a\.m\.|p\.m\.)/, // 8:02 AM
    /\b\d{4}-\d{2}-\d{2}\b/, // 2026-11-30
    /\b\d{1,3}(?:\.\d{3})+\b(?!\.\d)/, // 10.000 (a German thousands separator)
  ],
  de: [
    new RegExp(`\\b(?:${MONTHS.en}) \\d{1,2}, \\d{4}`),
    new RegExp(`\\b\\d{1,2} (?:${MONTHS.en}|${MONTHS.de}) \\d{4}`), // 30 November 2026 (no full stop after the day)
    /\b\d{1,2}\. (?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\. \d{4}/, // 30. Nov. 2026
    /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/, // 30.11.2026
    /\b\d{1,2}:\d{2}(?::\d{2})?\s?(?:AM|PM|am|pm)/,
    /\b\d{4}-\d{2}-\d{2}\b/,
    /\b\d{1,3}(?:,\d{3})+\b/, // 10,000 (an English thousands separator)
  ],
};

function expectOneStyle(text: string, locale: Locale, where: string): void {
  for (const pattern of FOREIGN[locale]) {
    expect(pattern.exec(text)?.[0], `${where} (${locale}) has a date or number in another style`).toBeUndefined();
  }
}

async function expectPageInOneStyle(page: Page, locale: Locale): Promise<void> {
  expectOneStyle(await page.locator("main").innerText(), locale, new URL(page.url()).pathname);
}

const exactly = (pattern: string) => new RegExp(`^${pattern}$`);

const words = {
  de: {
    submit: "Anfrage senden",
    confirmSubject: "Bitte bestätigen",
    ackSubject: /ist bei uns eingegangen$/,
    tooLong: /\b5\.000 Zeichen\b/,
    messageLabel: "Ihre Nachricht",
    messageSubmit: "Nachricht senden",
    sizes: ["(45 Byte)", "(1,2 MB)"],
    validFor: "Der Link gilt 24 Stunden, bis ",
  },
  en: {
    submit: "Send request",
    confirmSubject: "Please confirm",
    ackSubject: /^We have received your request/,
    tooLong: /\b5,000 characters\b/,
    messageLabel: "Your message",
    messageSubmit: "Send message",
    sizes: ["(45 bytes)", "(1.2 MB)"],
    validFor: "The link works once, for 24 hours, until ",
  },
} as const;

/** A PDF (as the portal checks it, by its first bytes) of exactly `bytes` bytes. */
function pdf(name: string, bytes: number) {
  const head = "%PDF-1.7\n";
  const tail = "\n%%EOF\n";
  return {
    name,
    mimeType: "application/pdf",
    buffer: Buffer.from(head + "%".repeat(bytes - head.length - tail.length) + tail),
  };
}

for (const locale of ["en", "de"] as const) {
  test(`${locale}: pages, mails and the case page show one style of dates, times, numbers and sizes`, async ({
    page,
  }) => {
    // Two mails, a form with two files, a message and seven pages: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    const w = words[locale];

    for (const path of [`/${locale}`, `/${locale}/privacy`, `/${locale}/privacy/versions`]) {
      await page.goto(path);
      await expect(page.locator("main")).toContainText(new RegExp(DATE[locale]));
      await expectPageInOneStyle(page, locale);
    }

    // A form's limit in its error and the error summary: grouped as the language groups numbers.
    await page.goto(`/${locale}/requests/new/objection`);
    await page.locator('[name="details.target"][value="processing"]').check();
    await page.locator('[name="details.processingIds"]').first().check();
    await page.locator('[name="details.grounds"]').fill("x".repeat(5_001));
    const email = `formats-${locale}-${Date.now()}@example.org`;
    await page.locator('[name="email"]').fill(email);
    await page.getByRole("button", { name: w.submit }).click();
    await expect(page.locator("#f-details-grounds-error")).toHaveText(w.tooLong);
    await expectPageInOneStyle(page, locale);
    await expectAccessible(page);

    await page.locator('[name="details.grounds"]').fill("My location must stay private.");
    await page.locator('[name="attachments"]').setInputFiles([pdf("small.pdf", 45), pdf("large.pdf", 1_258_291)]);
    const sent = Date.now();
    await page.getByRole("button", { name: w.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/requests/check-email$`));
    await expectPageInOneStyle(page, locale);

    // The confirmation mail: when the link stops working, on the 24-hour clock with the zone.
    const confirmation = await waitForMail(
      (m) => m.envelope.to.includes(email) && m.subject.startsWith(w.confirmSubject),
      30_000,
    );
    expect(confirmation.text).toMatch(new RegExp(`${w.validFor}${DATE_TIME[locale]}`));
    expectOneStyle(confirmation.text, locale, "the confirmation mail");

    await page.goto(mailedLink(confirmation.text));
    await page.getByTestId("link-form").getByRole("button").click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/my/requests/DSR-\\d{4}-\\d{6}\\?notice=confirmed$`));

    // The acknowledgement: the day of receipt and the due date.
    const acknowledgement = await waitForMail(
      (m) => m.envelope.to.includes(email) && w.ackSubject.test(m.subject) && Date.parse(m.receivedAt) >= sent,
      30_000,
    );
    expect(acknowledgement.text.match(new RegExp(DATE[locale], "g"))).toHaveLength(2);
    expectOneStyle(acknowledgement.text, locale, "the acknowledgement mail");

    // The case page: submitted and due as dates, every event with its time, the files' sizes.
    await expect(page.getByTestId("due-date")).toHaveText(exactly(DATE[locale]));
    await expect(page.getByTestId("case-summary")).toContainText(new RegExp(DATE[locale]));
    const times = page.getByTestId("timeline").locator("time");
    await expect(times.first()).toBeVisible();
    await expectEach(times, exactly(DATE_TIME[locale]));
    for (const size of w.sizes) await expect(page.getByTestId("documents")).toContainText(size);
    await page.getByLabel(w.messageLabel, { exact: true }).fill("Here is one more detail.");
    await page.getByRole("button", { name: w.messageSubmit }).click();
    await expect(page).toHaveURL(/\?notice=sent(?:#|$)/);
    await expectEach(page.getByTestId("thread").locator("time"), exactly(DATE_TIME[locale]));
    await expectPageInOneStyle(page, locale);
    await expectAccessible(page);

    // The list of the person's requests.
    await page.goto(`/${locale}/my/requests`);
    await expect(page.locator("main")).toContainText(new RegExp(DATE[locale]));
    await expectPageInOneStyle(page, locale);
  });

  test(`${locale}: the demo mailbox shows when each mail was written as the pages do`, async ({ page }) => {
    const demo = `http://127.0.0.1:${E2E_DEMO_PORT}`;
    await page.goto(`${demo}/${locale}/demo-mailbox`);
    const table = page.getByTestId("mailbox");
    // The in-server job delivers the seeded requests' mails within seconds of the start.
    await expect(async () => {
      await page.reload();
      await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expectPageInOneStyle(page, locale);
    await expectEach(table.locator("time"), exactly(DATE_TIME[locale]));

    // A German acknowledgement (seeded for a German-speaking subject): the mail in its language, the page in the page's.
    await page
      .getByRole("link", { name: /^Ihre Anfrage DSR-\d{4}-\d{6} ist bei uns eingegangen$/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/eingegangen$/);
    await expect(page.locator("main time")).toHaveText(exactly(DATE_TIME[locale]));
    const mail = await page.locator(".mail-text").innerText();
    expect(mail.match(new RegExp(DATE.de, "g"))).toHaveLength(2);
    expectOneStyle(mail, "de", "the demo acknowledgement mail");
    await expectAccessible(page);
  });
}

async function expectEach(locator: Locator, pattern: RegExp): Promise<void> {
  const texts = await locator.allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text.trim()).toMatch(pattern);
}
