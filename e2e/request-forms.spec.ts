// Every right's form, in both languages, as a data subject meets it: fill it in, read the
// confirmation link from the real SMTP sink, follow it (it signs in and confirms, Art. 12(3)),
// and land on the case page with the due date the deadline engine gives for today. axe checks
// the form and the case page.
import { expect, test } from "@playwright/test";
import { computeDeadline } from "../lib/deadlines";
import { formatDay } from "../lib/format";
import { requestTypes } from "../lib/requests/request-types";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { portalDeadlinePolicy as policy } from "./support/deadlines";
import { waitForMail } from "./support/mailbox";
import {
  confirmationMail,
  fillIn,
  NAME_WITH_ADDRESS,
  openRequestForm,
  requestFormWords as words,
} from "./support/request-form";
import { mailedLink, signInByMailedLink } from "./support/sign-in";

const PDF = { name: "brief.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%%EOF\n") };

for (const locale of ["de", "en"] as const) {
  for (const type of requestTypes) {
    test(`${type} (${locale}): form → confirmation link from the mail → case page with the due date`, async ({
      page,
    }) => {
      const email = `form-${type}-${locale}-${Date.now()}@example.org`;
      // The form asks who is signed in first: nobody here, so it files through the intake lane.
      await openRequestForm(page, locale, type);
      await expectAccessible(page);

      await fillIn[type](page);
      await page.locator('[name="email"]').fill(email);
      await page.locator('[name="name"]').fill("Alex Beispiel");
      // One document per language travels with the request and comes back on the case page.
      if (type === "access") await page.locator('[name="attachments"]').setInputFiles(PDF);
      const sent = Date.now();
      const posted = page.waitForResponse(
        (r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/${locale}/requests/new/${type}`,
      );
      await page.getByRole("button", { name: words[locale].submit }).click();
      // One post, filed by the intake lane in front of Next.js (lib/intake-lane/), which says where to go.
      expect(await (await posted).json()).toEqual({ kind: "filed", location: `/${locale}/requests/check-email` });
      await expect(page).toHaveURL(new RegExp(`/${locale}/requests/check-email$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words[locale].checkTitle);

      const mail = await confirmationMail(email, locale, sent);
      // The link opens a page that says what will happen; only its button confirms.
      await page.goto(mailedLink(mail.text));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`DSR-\\d{4}-\\d{6}`));
      await expectAccessible(page);
      await page.getByTestId("link-form").getByRole("button").click();
      const confirmedAt = new Date();

      await expect(page).toHaveURL(new RegExp(`/${locale}/my/requests/DSR-\\d{4}-\\d{6}\\?notice=confirmed$`));
      await expect(page.getByTestId("case-notice")).toBeVisible();
      const due = computeDeadline({ receivedAt: confirmedAt, extended: false }, policy).due;
      await expect(page.getByTestId("due-date")).toHaveText(formatDay(due, locale));
      await expect(page.getByTestId("timeline").locator('[data-event="verified"]')).toBeVisible();
      // What was asked for is on the page, in the form's words.
      await expect(page.getByTestId("request-details")).toBeVisible();
      if (type === "rectification") {
        await expect(page.getByTestId("request-details")).toContainText("Hauptstraße 1 → Hauptstraße 10");
        // "Name <address>" is stored as typed and shown as text: escaped, no element made of it.
        await expect(page.getByTestId("request-details")).toContainText(`max@example.org → ${NAME_WITH_ADDRESS}`);
        expect(await page.getByTestId("request-details").innerHTML()).toContain(
          "Max Mustermann &lt;max.alt@example.org&gt;",
        );
        const stored = await e2eDb().request.findFirstOrThrow({ where: { subjectEmail: email } });
        expect(stored.details).toMatchObject({
          items: [{}, { data: "E-Mail-Adresse", currentValue: "max@example.org", correctValue: NAME_WITH_ADDRESS }],
        });
      }
      if (type === "objection") {
        await expect(page.getByTestId("request-details")).toContainText("my location must stay private");
      }
      if (type === "access") {
        const document = page.getByTestId("documents").getByRole("link", { name: /brief\.pdf/ });
        const download = await page.request.get((await document.getAttribute("href"))!);
        expect(download.status()).toBe(200);
        expect((await download.body()).toString()).toBe(PDF.buffer.toString());
      }
      await expectAccessible(page);
    });
  }
}

test("a request whose link ran out is confirmed from its case page after signing in", async ({ page }) => {
  // Two mails, a sign-in and five pages: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  const email = `late-${Date.now()}@example.org`;
  await page.goto("/en/requests/new/restriction");
  await fillIn.restriction(page);
  await page.locator('[name="email"]').fill(email);
  await page.getByRole("button", { name: words.en.submit }).click();
  await expect(page).toHaveURL(/\/en\/requests\/check-email$/);
  // The confirmation mail is ignored; the person signs in later with the same address.
  await waitForMail((m) => m.envelope.to.includes(email) && m.subject.startsWith(words.en.mailSubject), 30_000);
  await page.goto("/en/sign-in");
  await signInByMailedLink(page, email, "en");
  await expect(page).toHaveURL(/\/en\/my\/requests$/);
  await page
    .getByRole("link", { name: /DSR-\d{4}-\d{6}/ })
    .first()
    .click();
  await expect(page.getByTestId("due-date")).toHaveText(/confirmed the request/);
  // The confirmation page without the mail's code and token (as another site could send) offers nothing to press.
  const casePath = new URL(page.url()).pathname;
  await page.goto(casePath.replace("/my/requests/", "/requests/confirm/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await expect(page.getByTestId("link-form")).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(casePath);
  await expect(page.getByTestId("confirm-box")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my request" }).click();
  const confirmedAt = new Date();
  await expect(page.getByTestId("case-notice")).toBeVisible();
  const due = computeDeadline({ receivedAt: confirmedAt, extended: false }, policy).due;
  await expect(page.getByTestId("due-date")).toHaveText(formatDay(due, "en"));
  await expect(page.getByTestId("confirm-box")).toHaveCount(0);
});
