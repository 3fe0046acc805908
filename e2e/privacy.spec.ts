import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { requestTypes } from "../lib/requests/request-types";
import { expectAccessible } from "./support/axe";

const screenshots = path.resolve(import.meta.dirname, "../.test-artifacts/screenshots");

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** The request-form links between the rights heading and the next section, in document order. */
function rightsLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hrefs: string[] = [];
    for (
      let el = document.getElementById("rights")?.nextElementSibling;
      el && el.tagName !== "H2";
      el = el.nextElementSibling
    )
      el.querySelectorAll<HTMLAnchorElement>("a.request-link").forEach((a) => hrefs.push(a.getAttribute("href") ?? ""));
    return hrefs;
  });
}

const pages = {
  de: {
    title: "Datenschutzerklärung für die ilert-App",
    effective: "Gültig ab 1. Juli 2023",
    toc: "Inhalt",
    rights: "Ihre Rechte",
  },
  en: {
    title: "Privacy statement for the ilert app",
    effective: "Effective 1 July 2023",
    toc: "Contents",
    rights: "Your rights",
  },
} as const;

test.describe("privacy statement", () => {
  for (const locale of ["de", "en"] as const) {
    const expected = pages[locale];

    test(`renders in ${locale}: contents, the register, request links, hreflang; accessible`, async ({ page }) => {
      const response = await page.goto(`/${locale}/privacy`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected.title);
      await expect(page.getByText(expected.effective)).toBeVisible();
      await expect(page.getByRole("navigation", { name: expected.toc }).getByRole("link")).toHaveCount(10);
      // The register of 2023-07 in full, and its overview table, both rendered from content/register.ts.
      await expect(page.locator(".processing[data-register-entry]")).toHaveCount(6);
      await expect(page.getByTestId("register-overview").locator("tbody tr")).toHaveCount(6);
      await expect(
        page.locator('.processing[data-register-entry="support-chat"] [data-transfer-country="US"]'),
      ).toBeVisible();
      expect(await rightsLinks(page)).toEqual(requestTypes.map((type) => `/${locale}/requests/new/${type}`));
      const other = locale === "de" ? "en" : "de";
      await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute(
        "href",
        new RegExp(`^https?://[^/]+/${other}/privacy$`),
      );
      await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
        "href",
        /^https?:\/\/[^/]+\/privacy$/,
      );
      await expectAccessible(page);
      await shoot(page, `privacy-${locale}`);
    });
  }

  test("a table-of-contents link moves to its section, and the language switch keeps it", async ({ page }) => {
    await page.goto("/de/privacy");
    await page.getByRole("navigation", { name: "Inhalt" }).getByRole("link", { name: "Ihre Rechte" }).click();
    await expect(page).toHaveURL(/\/de\/privacy#rights$/);
    await expect(page.locator("#rights")).toBeInViewport();
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/privacy#rights$/);
    await expect(page.locator("#rights")).toHaveText(/^Your rights/);
    await expect(page.locator("#rights")).toBeInViewport();
  });

  test("the header leads to the statement and its versions", async ({ page }) => {
    await page.goto("/en");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await nav.getByRole("link", { name: "Privacy statement" }).click();
    await expect(page).toHaveURL(/\/en\/privacy$/);
    await expect(nav.getByRole("link", { name: "Privacy statement" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Versions" }).click();
    await expect(page).toHaveURL(/\/en\/privacy\/versions$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Versions and changes");
  });

  test("an earlier version stays readable, marked as such; the current one has one address", async ({ page }) => {
    await page.goto("/en/privacy/versions/2023-06");
    await expect(page.getByRole("note").first()).toContainText("It was in effect from 1 June 2023 to 30 June 2023.");
    await expect(page.locator(".processing[data-register-entry]")).toHaveCount(5);
    await expect(page.locator("#support-chat")).toHaveCount(0);
    await expect(page.getByText("Last updated: June 2023.")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/en/privacy/versions/2023-07");
    await expect(page).toHaveURL(/\/en\/privacy$/);
    expect((await page.goto("/en/privacy/versions/1999-01"))?.status()).toBe(404);
  });

  test("prints without the site chrome", async ({ page }) => {
    await page.goto("/en/privacy");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator(".toc")).toBeVisible();
    await shoot(page, "privacy-en-print");
  });
});

test.describe("statement versions", () => {
  test("lists every version with date and summary, and shows the change between the demo versions (de)", async ({
    page,
  }) => {
    await page.goto("/de/privacy/versions");
    const list = page.getByTestId("version-list");
    await expect(list.locator("[data-version]")).toHaveCount(2);
    await expect(list.locator('[data-version="2023-07"]')).toContainText("Gültig ab 1. Juli 2023");
    await expect(list.locator('[data-version="2023-07"]')).toContainText("Aktuell");
    await expect(list.locator('[data-version="2023-07"]')).toContainText("Support-Chat");
    await page.getByLabel("Ältere Fassung").selectOption("2023-06");
    await page.getByLabel("Neuere Fassung").selectOption("2023-07");
    await page.getByRole("button", { name: "Vergleichen" }).click();
    await expect(page).toHaveURL(/\/de\/privacy\/versions\?from=2023-06&to=2023-07#changes-title$/);
    await expect(page.getByRole("heading", { name: "Änderungen von 2023-06 zu 2023-07" })).toBeVisible();
    const diff = page.getByTestId("diff");
    await expect(
      diff.locator('[data-change="added"]').filter({ hasText: "Support-Chat in der App" }).first(),
    ).toBeVisible();
    await expect(diff.locator('[data-change="added"]').filter({ hasText: "HubSpot, Inc." }).first()).toBeVisible();
    const changed = diff.locator('[data-change="changed"]');
    await expect(changed.locator("del")).toContainText("Juni");
    await expect(changed.locator("ins")).toContainText("Juli");
    await expectAccessible(page);
    await shoot(page, "versions-de");
  });

  test("compares the other way round and explains odd choices (en)", async ({ page }) => {
    await page.goto("/en/privacy/versions?from=2023-07&to=2023-06");
    await expect(
      page
        .getByTestId("diff")
        .locator('[data-change="removed"]')
        .filter({ hasText: "Support chat in the app" })
        .first(),
    ).toBeVisible();
    await page.goto("/en/privacy/versions?from=2023-07&to=2023-07");
    await expect(page.getByText("You chose the same version twice.")).toBeVisible();
    await page.goto("/en/privacy/versions?from=nonsense");
    await expect(page.getByRole("status")).toHaveText(/We do not know this choice/);
    await expect(page.getByRole("heading", { name: "Changes from 2023-06 to 2023-07" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/en/privacy/versions");
    await shoot(page, "versions-en");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the statement reads, its contents link to sections, and the version comparison works", async ({ page }) => {
    await page.goto("/en/privacy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(pages.en.title);
    await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "Your rights" }).click();
    await expect(page).toHaveURL(/#rights$/);
    await expect(page.locator("#rights")).toBeInViewport();
    expect(await rightsLinks(page)).toHaveLength(requestTypes.length);
    // Without JavaScript the switch cannot know the anchor (it never reaches the server): it keeps the page.
    await expect(page.getByRole("link", { name: "Deutsch" })).toHaveAttribute("href", "/de/privacy");

    await page.goto("/de/privacy/versions");
    await page.getByLabel("Ältere Fassung").selectOption("2023-06");
    await page.getByLabel("Neuere Fassung").selectOption("2023-07");
    await page.getByRole("button", { name: "Vergleichen" }).click();
    await expect(page).toHaveURL(/from=2023-06&to=2023-07/);
    await expect(page.getByTestId("diff").locator('[data-change="added"]').first()).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const [url, name] of [
    ["/de/privacy", "privacy-de-phone"],
    ["/en/privacy", "privacy-en-phone"],
    ["/de/privacy/versions?from=2023-06&to=2023-07", "versions-de-phone"],
    ["/en/privacy/versions?from=2023-06&to=2023-07", "versions-en-phone"],
    ["/de", "home-de-phone"],
  ] as const) {
    test(`${url} fits the screen and is accessible`, async ({ page }) => {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await shoot(page, name);
    });
  }
});
