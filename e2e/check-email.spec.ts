// The pages after sending a form or asking for a sign-in link (issue 11, item 1): the browser that sent
// it learns where the mail went (masked) and how long its link works, and can have it sent again (a POST,
// with and without JavaScript, within the abuse limits); anyone else gets the general page.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { loadOrCreateSecrets } from "../lib/config/secrets";
import { consumeLimits } from "../lib/security/rate-limit";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { E2E_RATE_LIMITS, E2E_WORK_DIR } from "./support/environment";
import { sentMails, waitForMail } from "./support/mailbox";
import { mailedLink } from "./support/sign-in";

/** Files an erasure request from `email` on the form in `locale`; ends on the check-email page. */
async function fileErasure(page: Page, locale: "de" | "en", email: string): Promise<void> {
  await page.goto(`/${locale}/requests/new/erasure`);
  await page.locator('[name="details.scope"][value="all"]').check();
  await page.locator('[name="details.ground"][value="unsure"]').check();
  await page.locator('[name="email"]').fill(email);
  await page.getByRole("button", { name: locale === "de" ? "Anfrage senden" : "Send request" }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/requests/check-email$`));
}

/** The confirmation mails the SMTP sink holds for this address, oldest first. */
async function mailsTo(email: string) {
  return (await sentMails()).filter((m) => m.envelope.to.includes(email));
}

// Each test files a request, waits for mails and sends again: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

test.describe("after filing a request", () => {
  test.use({ locale: "en-GB" });

  test("the page names the masked address and the link's lifetime, and sends a new link for that request", async ({
    page,
  }) => {
    const email = `checkmail-${Date.now()}@example.org`;
    await fileErasure(page, "en", email);
    await expect(page.getByTestId("check-email-text")).toHaveText(
      "We have sent an email with a link to c***@example.org. Follow it to confirm that the request comes from you. The link works once, for 24 hours.",
    );
    // The full address is nowhere on the page (a shoulder or a shared screen learns only the domain).
    await expect(page.locator("main")).not.toContainText(email);
    // With a mail server there is no demo mailbox to point to.
    await expect(page.getByTestId("demo-mailbox-hint")).toHaveCount(0);
    await expectAccessible(page);
    await waitForMail((m) => m.envelope.to.includes(email), 30_000);

    await page.getByRole("button", { name: "Send the email again" }).click();
    await expect(page.getByTestId("resend-status")).toHaveText(
      "We have sent a new email to c***@example.org. Its link works once, for 24 hours.",
    );
    await expect(async () => expect(await mailsTo(email)).toHaveLength(2)).toPass({ timeout: 30_000 });
    const [first, second] = await mailsTo(email);
    // Two links for the one request: the same page, each with a token of its own.
    const [a, b] = [new URL(mailedLink(first!.text)), new URL(mailedLink(second!.text))];
    expect(b.pathname).toBe(a.pathname);
    expect(b.searchParams.get("token")).not.toBe(a.searchParams.get("token"));
    const request = await e2eDb().request.findFirstOrThrow({ where: { subjectEmail: email } });
    expect(a.pathname).toBe(`/en/requests/confirm/${request.reference}`);
    expect(await e2eDb().outboundMail.count({ where: { requestId: request.id, template: "confirm_request" } })).toBe(2);
    await expectAccessible(page);
  });

  test("a resend counts against the filing limit of the address: once it is used up, nothing is sent", async ({
    page,
  }) => {
    const email = `resend-limit-${Date.now()}@example.org`;
    await fileErasure(page, "en", email);
    // The rest of the address's filing attempts, used up as other filings or resends would.
    const secret = loadOrCreateSecrets(path.join(E2E_WORK_DIR, "data")).nextauthSecret;
    const perEmail = Number(E2E_RATE_LIMITS.RATE_LIMIT_SUBMISSIONS_PER_EMAIL);
    await consumeLimits(e2eDb(), [{ limit: "submission_email", key: email, cost: perEmail - 1 }], {
      windowSeconds: 3600,
      points: {
        submission_ip: 10_000,
        submission_email: perEmail,
        sign_in_ip: 10_000,
        sign_in_email: 20,
        message_user: 5,
        upload_user: 20,
        second_factor_user: 5,
      },
      secret,
    });
    await page.getByRole("button", { name: "Send the email again" }).click();
    await expect(page.getByTestId("resend-status")).toHaveText(
      /^You have asked for many emails in a short time\. To protect the portal from misuse, please wait \d+ minutes and try again\.$/,
    );
    const request = await e2eDb().request.findFirstOrThrow({ where: { subjectEmail: email } });
    expect(await e2eDb().outboundMail.count({ where: { requestId: request.id } })).toBe(1);
  });

  test.describe("without JavaScript", () => {
    test.use({ locale: "de-DE", javaScriptEnabled: false });

    test("the resend is a plain form post; a forged or missing cookie gets the general page, never an error", async ({
      page,
      context,
      baseURL,
    }) => {
      const email = `ohne-js-${Date.now()}@example.org`;
      await fileErasure(page, "de", email);
      await expect(page.getByTestId("check-email-text")).toContainText("an o***@example.org geschickt");
      await expect(page.getByTestId("check-email-text")).toContainText("24 Stunden lang");
      await page.getByRole("button", { name: "E-Mail noch einmal senden" }).click();
      await expect(page.getByTestId("resend-status")).toHaveText(
        "Wir haben eine neue E-Mail an o***@example.org geschickt. Ihr Link gilt einmal, 24 Stunden lang.",
      );
      await expect(async () => expect(await mailsTo(email)).toHaveLength(2)).toPass({ timeout: 30_000 });

      // Someone else's browser (or this one with a tampered cookie) learns nothing and can send nothing.
      const [cookie] = (await context.cookies()).filter((c) => c.name === "portal.filed-request");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
      for (const value of [`${cookie!.value.slice(0, -2)}xx`, "forged", ""]) {
        await context.addCookies([{ ...cookie!, value }]);
        const response = await page.goto("/de/requests/check-email");
        expect(response?.status()).toBe(200);
        await expect(page.getByTestId("check-email-text")).toHaveText(
          /^Wir haben eine E-Mail mit einem Link an die angegebene Adresse geschickt\./,
        );
        await expect(page.getByTestId("resend-form")).toHaveCount(0);
      }
      await context.clearCookies();
      expect((await page.request.get(`${baseURL}/en/requests/check-email`)).status()).toBe(200);
    });
  });
});

test.describe("after asking for a sign-in link", () => {
  test.use({ locale: "en-GB" });

  test("the page names the masked address and the link's lifetime, and sends the link again", async ({ page }) => {
    // An address the portal knows (a request names it), so that links really go out.
    const email = `signin-again-${Date.now()}@example.org`;
    await fileErasure(page, "en", email);
    await page.goto("/en/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send sign-in link" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\/check-email$/);
    await expect(page.getByTestId("check-email-text")).toHaveText(
      "If we know s***@example.org, we have just sent a sign-in link to it. The link works once, for 24 hours.",
    );
    await expectAccessible(page);
    const signInMails = async () => (await mailsTo(email)).filter((m) => /sign-in link/.test(m.subject));
    await expect(async () => expect(await signInMails()).toHaveLength(1)).toPass({ timeout: 30_000 });
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByTestId("resend-status")).toHaveText(
      "If we know s***@example.org, we have sent a new link to it. It works once, for 24 hours.",
    );
    await expect(async () => expect(await signInMails()).toHaveLength(2)).toPass({ timeout: 30_000 });
  });
});
