// The abuse limits as a person meets them: after too many sign-in attempts for one address the form
// says, announced, when to try again, and nothing is sent. next-auth's own endpoint counts against the
// same limit. Each test comes from an IP address of its own (the e2e portal trusts one proxy hop), so
// the other specs' sign-ins from 127.0.0.1 are not affected.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E_RATE_LIMITS } from "./support/environment";

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
