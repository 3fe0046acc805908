// The abuse limits as a person meets them: after too many sign-in attempts for one address the form
// says, announced, when to try again, and nothing is sent. next-auth's own endpoint counts against the
// same limit. Each test comes from an IP address of its own (the e2e portal trusts one proxy hop), so
// the other specs' sign-ins from 127.0.0.1 are not affected.
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { loadOrCreateSecrets } from "../lib/config/secrets";
import { consumeLimits } from "../lib/security/rate-limit";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { E2E_RATE_LIMITS, E2E_WORK_DIR } from "./support/environment";

const perEmail = Number(E2E_RATE_LIMITS.RATE_LIMIT_SIGN_IN_PER_EMAIL);

/** Uses up an address's sign-in attempts through next-auth's endpoint; the next one there is refused with 429. */
async function useUpAttempts(request: APIRequestContext, email: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const ask = () =>
    request.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl: "/de" }, maxRedirects: 0 });
  for (let i = 0; i < perEmail; i++) expect((await ask()).status()).toBe(302);
  const refused = await ask();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(3500);
}

test.describe("sign-in limits", () => {
  test.describe("in German", () => {
    test.use({ locale: "de-DE", extraHTTPHeaders: { "x-forwarded-for": "198.51.100.31" } });

    test("too many attempts for one address get an announced answer with the wait; another address still works", async ({
      page,
      request,
    }) => {
      test.setTimeout(60_000);
      const email = `limited-${Date.now()}@nowhere.example`;
      await useUpAttempts(request, email);

      await page.goto("/de/sign-in");
      const field = page.getByLabel("E-Mail-Adresse");
      await field.fill(email.toUpperCase());
      await page.getByRole("button", { name: "Anmeldelink senden" }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
        "Zu viele Anmeldeversuche. Zum Schutz vor Missbrauch versuchen Sie es bitte in 60 Minuten erneut.",
      );
      await expect(page).toHaveURL(/\/de\/sign-in$/);
      await expect(field).toBeFocused();
      await expect(field).toHaveAccessibleDescription(/Zu viele Anmeldeversuche/);
      await expect(field).not.toHaveAttribute("aria-invalid");
      await expectAccessible(page);

      await field.fill(`other-${Date.now()}@nowhere.example`);
      await page.getByRole("button", { name: "Anmeldelink senden" }).click();
      await expect(page).toHaveURL(/\/de\/sign-in\/check-email$/);
    });
  });

  test.describe("in English, without JavaScript", () => {
    test.use({ locale: "en-GB", javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.32" } });

    test("the form gives the same answer", async ({ page, request }) => {
      test.setTimeout(60_000);
      const email = `limited-en-${Date.now()}@nowhere.example`;
      await useUpAttempts(request, email);

      await page.goto("/en/sign-in");
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Send sign-in link" }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
        "Too many attempts to sign in. To prevent misuse, please try again in 60 minutes.",
      );
      await expect(page.getByLabel("Email address")).toHaveValue(email);
    });
  });
});

test.describe("filing limits", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`${javaScriptEnabled ? "with" : "without"} JavaScript: an address whose filings are used up gets the wait, the form keeps what was typed, nothing is stored`, async ({
      browser,
    }) => {
      const context = await browser.newContext({
        javaScriptEnabled,
        locale: "en-GB",
        extraHTTPHeaders: { "x-forwarded-for": "198.51.100.33" },
      });
      const page = await context.newPage();
      const email = `filed-too-often-${javaScriptEnabled}-${Date.now()}@example.org`;
      const secret = loadOrCreateSecrets(path.join(E2E_WORK_DIR, "data")).nextauthSecret;
      const perAddress = Number(E2E_RATE_LIMITS.RATE_LIMIT_SUBMISSIONS_PER_EMAIL);
      await consumeLimits(e2eDb(), [{ limit: "submission_email", key: email, cost: perAddress }], {
        // The portal's window (RATE_LIMIT_WINDOW_MINUTES, default 60); only this address's row is written.
        windowSeconds: 3600,
        points: {
          submission_ip: Number(E2E_RATE_LIMITS.RATE_LIMIT_SUBMISSIONS_PER_IP),
          submission_email: perAddress,
          sign_in_ip: Number(E2E_RATE_LIMITS.RATE_LIMIT_SIGN_IN_PER_IP),
          sign_in_email: perEmail,
          message_user: Number(E2E_RATE_LIMITS.RATE_LIMIT_MESSAGES_PER_USER),
          upload_user: 20,
          second_factor_user: 5,
        },
        secret,
      });
      // With JavaScript the form asks who is signed in first (nobody: it files through the intake lane).
      const asked = javaScriptEnabled && page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/session");
      await page.goto("/en/requests/new/restriction");
      await asked;
      await page.locator('[name="details.ground"][value="a"]').check();
      await page.locator('[name="email"]').fill(email);
      await page.locator('[name="name"]').fill("Robin Beispiel");
      await page.getByRole("button", { name: "Send request" }).click();
      await expect(page.getByTestId("error-summary")).toContainText(
        /^You have sent many requests in a short time\. To protect the portal from misuse, please wait \d+ minutes and try again\. Nothing has been stored\.$/,
      );
      await expect(page.locator('[name="email"]')).toHaveValue(email);
      await expect(page.locator('[name="name"]')).toHaveValue("Robin Beispiel");
      expect(await e2eDb().request.count({ where: { subjectEmail: email } })).toBe(0);
      // axe runs in the page: with JavaScript only (the markup is the same).
      if (javaScriptEnabled) await expectAccessible(page);
      await context.close();
    });
  }
});
