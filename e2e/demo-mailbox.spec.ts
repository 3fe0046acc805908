// The demo as `npm start` gives it (no SMTP server): every mail the portal sent for
// the seeded demo requests can be read in the built-in mailbox, links and all.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E_DEMO_PORT } from "./support/environment";

const demo = `http://127.0.0.1:${E2E_DEMO_PORT}`;

test.describe("demo mailbox", () => {
  test("lists the mails of the demo requests and opens one with its links", async ({ page }) => {
    await page.goto(`${demo}/de/demo-mailbox`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demo-Postfach");
    // The in-server job delivers the outbox within seconds of the start.
    const ack = page.getByRole("link", { name: /^Ihre Anfrage DSR-\d{4}-\d{6} ist bei uns eingegangen$/ }).first();
    await expect(async () => {
      await page.reload();
      await expect(ack).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("mailbox").getByText("zugestellt").first()).toBeVisible();
    await expectAccessible(page);

    await ack.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/eingegangen/);
    await expect(page.getByText("Art. 12 Abs. 3 DSGVO", { exact: false })).toBeVisible();
    const caseLink = page.getByRole("link", { name: /\/de\/my\/requests\/DSR-/ });
    await expect(caseLink).toHaveAttribute("href", new RegExp(`^${demo}/de/my/requests/DSR-\\d{4}-\\d{6}$`));
    await expectAccessible(page);

    // The HTML part opens under a sandboxing policy, as a mail client would show it.
    const html = await page.request.get(
      await page
        .getByRole("link", { name: "HTML-Ansicht öffnen" })
        .getAttribute("href")
        .then((h) => `${demo}${h}`),
    );
    expect(html.headers()["content-security-policy"]).toMatch(/^sandbox/);
    expect(await html.text()).toContain("Art. 12 Abs. 3 DSGVO");
  });

  test("the extension notice of the demo erasure request carries its reasons (Art. 12(3))", async ({ page }) => {
    await page.goto(`${demo}/en/demo-mailbox`);
    const notice = page.getByRole("link", { name: /^Mehr Zeit für Ihre Anfrage DSR-/ });
    await expect(async () => {
      await page.reload();
      await expect(notice).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await notice.click();
    await expect(page.locator(".mail-text")).toContainText("drei Systemen");
  });

  test("does not exist where an SMTP server is configured", async ({ request }) => {
    expect((await request.get("/de/demo-mailbox")).status()).toBe(404);
  });
});
