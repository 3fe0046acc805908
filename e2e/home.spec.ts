import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";

const screenshots = path.resolve(import.meta.dirname, "../.test-artifacts/screenshots");

test.describe("home page", () => {
  for (const [locale, heading, rightTitle, read] of [
    ["de", "Wie die ilert GmbH mit Ihren Daten umgeht", "Auskunft", "Datenschutzerklärung lesen"],
    ["en", "How ilert GmbH handles your data", "Access", "Read the privacy statement"],
  ] as const) {
    test(`renders in ${locale}, presents the privacy statement, lists all seven rights and is accessible`, async ({
      page,
    }) => {
      const response = await page.goto(`/${locale}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      // The front page is the statement's front door: its processing activities and a clear way in.
      await expect(page.getByTestId("processing-list").locator("[data-register-entry]")).toHaveCount(6);
      const rights = page.getByTestId("rights-list").locator("[data-request-type]");
      await expect(rights).toHaveCount(7);
      await expect(rights.first()).toContainText(rightTitle);
      await expect(rights.first().getByRole("link")).toHaveAttribute("href", `/${locale}/requests/new/access`);
      await expectAccessible(page);
      await page.getByRole("link", { name: read }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/privacy$`));
      await page.goto(`/${locale}`);
      fs.mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: path.join(screenshots, `home-${locale}.png`), fullPage: true });
    });
  }

  test("sends a visitor without a language in the URL to the one their browser asks for", async ({ browser }) => {
    const context = await browser.newContext({
      locale: "en-US",
      extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" },
    });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
    await context.close();
  });

  test("the language switch keeps the page and is reachable by keyboard", async ({ page }) => {
    await page.goto("/de");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main-content")).toBeFocused();
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");
  });

  test("works with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("rights-list").locator("[data-request-type]")).toHaveCount(7);
    await context.close();
  });

  test("answers an unknown page with a helpful 404", async ({ page }) => {
    const response = await page.goto("/en/does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expectAccessible(page);
  });
});
