// Signing in by magic link: the link arrives through the outbox at the real SMTP sink, signs the
// person in once, and leads to their requests. Every page passes axe.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { sentMails, waitForMail } from "./support/mailbox";
import { mailedLink } from "./support/sign-in";

test.use({ locale: "de-DE" });

const anna = "anna.schmidt@demo.example";

test.describe("sign-in", () => {
  test("a signed-out visit to my requests leads to sign-in and back", async ({ page }) => {
    await page.goto("/de/my/requests");
    await expect(page).toHaveURL(/\/de\/sign-in\?callbackUrl=%2Fde%2Fmy%2Frequests$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mit Ihrer E-Mail-Adresse anmelden");
    await expectAccessible(page);
  });

  test("Anna signs in by the mailed link, sees her access request, and the link works only once", async ({ page }) => {
    await page.goto("/de/my/requests");
    await page.getByLabel("E-Mail-Adresse").fill("Anna.Schmidt@Demo.Example");
    const asked = Date.now();
    await page.getByRole("button", { name: "Anmeldelink senden" }).click();
    await expect(page).toHaveURL(/\/de\/sign-in\/check-email$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sehen Sie in Ihr Postfach");
    // After the action's redirect the page arrives client-side, its title streamed in after the body.
    await expect(page).toHaveTitle(/^Sehen Sie in Ihr Postfach/);
    await expectAccessible(page);

    const mail = await waitForMail(
      (m) => m.envelope.to.includes(anna) && m.subject.includes("Anmeldelink") && Date.parse(m.receivedAt) >= asked,
      30_000,
    );
    expect(mail.text).toContain("ignorieren");
    const link = mailedLink(mail.text);
    expect(new URL(link).pathname).toBe("/de/sign-in/link");

    // The link opens a page that says who will be signed in; only its button does it.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmelden");
    await expect(page.getByText("Sie melden sich als a***@demo.example im Datenschutz-Portal an.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Jetzt anmelden" }).click();
    await expect(page).toHaveURL(/\/de\/my\/requests$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Anfragen");
    await expect(page.getByText(`Angemeldet als ${anna}`)).toBeVisible();
    const row = page.getByTestId("my-requests").getByRole("row").filter({ hasText: "Auskunft (Art. 15 DSGVO)" });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("rowheader")).toHaveText(/^DSR-\d{4}-\d{6}$/);
    await expect(row).toContainText("in Bearbeitung");
    await expectAccessible(page);

    // The same link again: used up, and the page says so with a way on.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dieser Link gilt nicht mehr");
    await expect(page.getByRole("button", { name: "Jetzt anmelden" })).toHaveCount(0);
    await expectAccessible(page);

    // Signing out ends the session: my requests asks for a sign-in again.
    await page.goto("/de/my/requests");
    await page.getByRole("button", { name: "Abmelden", exact: true }).click();
    await expect(page).toHaveURL(/\/de\/sign-in$/);
    await page.goto("/de/my/requests");
    await expect(page).toHaveURL(/\/de\/sign-in\?callbackUrl=/);
  });

  test("a bad address gets a clear, announced error", async ({ page }) => {
    await page.goto("/en/sign-in");
    const field = page.getByLabel("Email address");
    await field.fill("anna@");
    await page.getByRole("button", { name: "Send sign-in link" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/complete email address/);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(/For example name@example.com.*complete email address/);
    await expect(field).toBeFocused();
    await expectAccessible(page);
  });

  test("next-auth's own endpoint answers every address alike and mails only known ones", async ({ request }) => {
    test.setTimeout(60_000);
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const ask = (email: string) =>
      request.post("/api/auth/signin/email", {
        form: { email, csrfToken, callbackUrl: "/en/my/requests" },
        maxRedirects: 0,
      });
    const stranger = `stranger-api-${Date.now()}@nowhere.example`;
    const [known, unknown] = await Promise.all([ask("jonas.weber@demo.example"), ask(stranger)]);
    expect([known.status(), unknown.status()]).toEqual([302, 302]);
    expect(unknown.headers().location).toBe(known.headers().location);
    expect(new URL(known.headers().location!).pathname).toBe("/api/auth/verify-request");

    // Through the outbox, in the language of the page the link leads to.
    const mail = await waitForMail(
      (m) => m.envelope.to.includes("jonas.weber@demo.example") && /sign-in/.test(m.subject),
    );
    // Not next-auth's callback (a GET of which would spend the link) but the page behind the link, in English.
    const link = new URL(mailedLink(mail.text));
    expect(link.pathname).toBe("/en/sign-in/link");
    expect(link.searchParams.get("callbackUrl")).toBe("/en/my/requests");
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await sentMails()).filter((m) => m.envelope.to.includes(stranger))).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    // axe needs scripts in the page, so these check behaviour only; the pages are checked above.
    test.use({ javaScriptEnabled: false });

    test("the form works: a bad address gets its error; an unknown one the same answer as a known one, and no mail", async ({
      page,
    }) => {
      test.setTimeout(60_000);
      await page.goto("/en/sign-in");
      const field = page.getByLabel("Email address");
      await field.fill("anna@");
      await page.getByRole("button", { name: "Send sign-in link" }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/complete email address/);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveValue("anna@");

      const stranger = `stranger-${Date.now()}@nowhere.example`;
      await field.fill(stranger);
      await page.getByRole("button", { name: "Send sign-in link" }).click();
      await expect(page).toHaveURL(/\/en\/sign-in\/check-email$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your inbox");
      // The outbox job runs every 5 s: after two rounds, a mail to the stranger would be there.
      await page.waitForTimeout(11_000);
      expect((await sentMails()).filter((m) => m.envelope.to.includes(stranger))).toEqual([]);
    });
  });
});
