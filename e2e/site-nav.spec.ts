// The header's way to the rights (issue 11, item 7): "Your rights" leads to the overview of the rights
// and their forms, the privacy statement stays one click away beside it; by keyboard, and on a phone.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";

/** Tabs from the top of the page until the link with this name has the focus (at most `limit` presses). */
async function tabTo(page: Page, name: string, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (focused === name) return;
  }
  throw new Error(`"${name}" was not reached within ${limit} presses of Tab`);
}

for (const [locale, nav, rights, statement, overview] of [
  ["de", "Hauptnavigation", "Ihre Rechte", "Datenschutzerklärung", "Welches Recht möchten Sie nutzen?"],
  ["en", "Main navigation", "Your rights", "Privacy statement", "Which right do you want to use?"],
] as const) {
  test(`${locale}: the header's "${rights}" leads by keyboard to the rights overview, the statement stays beside it, nothing overflows at 320 px`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/privacy`);
    const header = page.getByRole("navigation", { name: nav });
    await expect(header.getByRole("link", { name: rights, exact: true })).toHaveAttribute(
      "href",
      `/${locale}/requests/new`,
    );
    await tabTo(page, rights);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${locale}/requests/new$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(overview);
    await expect(header.getByRole("link", { name: rights, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("rights-overview").locator("[data-request-type]")).toHaveCount(7);
    await expectAccessible(page);

    // The statement is still one click away, and the phone-width header keeps every link on screen.
    await page.setViewportSize({ width: 320, height: 640 });
    const links = header.getByRole("link");
    await expect(links).toHaveCount(4);
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x, await link.innerText()).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, await link.innerText()).toBeLessThanOrEqual(320);
      // Targets stay large enough to hit with a finger (WCAG 2.5.5's 44 px, as the stylesheet promises).
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const overflow = await page.evaluate(() => {
      const inner = document.querySelector(".site-header__inner")!;
      return inner.scrollWidth - inner.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await header.getByRole("link", { name: statement }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/privacy$`));
  });
}
