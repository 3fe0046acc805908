// Typography that holds (issue 11, items 5, 8, 9): every public page, in German and
// English, at 320, 390, 768, 1280 and 1440 px. Each page is loaded once per language and
// measured at every width by resizing (e2e/support/layout.ts): nothing wider than its box,
// no sideways scrolling, references on one line. Then what each page promises on top: the
// statement's table of contents stays in view and breaks no word or number, German text
// is hyphenated, the case page says each thing once with even spacing, the demo mailbox
// keeps status and date on a phone's screen, and no page logs a console error.
import { expect, test, type Page } from "@playwright/test";
import { requestTypes } from "../lib/requests/request-types";
import { E2E_DEMO_PORT } from "./support/environment";
import { attachScreenshot, expectLayoutHolds, resizeTo } from "./support/layout";
import { followMailedLink } from "./support/sign-in";

const demo = `http://127.0.0.1:${E2E_DEMO_PORT}`;
const locales = ["de", "en"] as const;
type Locale = (typeof locales)[number];

/** Console errors of every page this test loads (a missing favicon was one on every page). */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The not-found page answers 404 on purpose; the browser reports that status for the document itself.
    if (message.location().url === page.url() && /status of 404/.test(message.text())) return;
    errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/** Opens a page and checks its layout at every width. */
async function walk(page: Page, path: string, atWidth?: (width: number) => Promise<void>): Promise<void> {
  await page.goto(path);
  await expectLayoutHolds(page, atWidth);
}

/** German body text is hyphenated by the browser (hyphens: auto, with the page's language). */
async function expectHyphenated(page: Page, locale: Locale, selector: string): Promise<void> {
  const { lang, hyphens } = await page
    .locator(selector)
    .first()
    .evaluate((el) => ({
      lang: el.closest("[lang]")?.getAttribute("lang"),
      hyphens: getComputedStyle(el).hyphens,
    }));
  expect.soft({ lang, hyphens }).toEqual({ lang: locale, hyphens: "auto" });
}

for (const locale of locales) {
  test.describe(`layout in ${locale}`, () => {
    test.use({ locale: locale === "de" ? "de-DE" : "en-GB" });
    // Up to nine pages at five widths each: a few seconds on a quiet machine, more on a busy CI runner.
    test.describe.configure({ timeout: 120_000 });

    test("home, the privacy statement, its versions and their comparison", async ({ page }, testInfo) => {
      const errors = watchConsole(page);
      await walk(page, `/${locale}`);
      await expectHyphenated(page, locale, "main p");

      await walk(page, `/${locale}/privacy`, async (width) => {
        await expectTocHolds(page);
        if (width === 390) await attachScreenshot(page, testInfo, `statement-${locale}-390.png`);
        if (width === 1280) {
          await attachScreenshot(page, testInfo, `statement-${locale}-1280.png`);
          await expectTocStaysInView(page);
        }
      });
      await expectHyphenated(page, locale, ".doc__body p");

      await walk(page, `/${locale}/privacy/versions`);
      await expect(page.locator(".diff")).toBeVisible();
      await walk(page, `/${locale}/privacy/versions/2023-06`);
      expect(errors).toEqual([]);
    });

    test("the rights overview and the seven forms", async ({ page }, testInfo) => {
      const errors = watchConsole(page);
      await walk(page, `/${locale}/requests/new`, async (width) => {
        if (width === 390 || width === 1280) {
          await attachScreenshot(page, testInfo, `overview-${locale}-${width}.png`, true);
        }
      });
      await expectHyphenated(page, locale, ".card__title");
      for (const type of requestTypes) await walk(page, `/${locale}/requests/new/${type}`);
      expect(errors).toEqual([]);
    });

    test("check-email pages, sign-in and the not-found page", async ({ page }) => {
      const errors = watchConsole(page);
      await walk(page, `/${locale}/requests/check-email`);
      await walk(page, `/${locale}/sign-in`);
      await walk(page, `/${locale}/sign-in/check-email`);
      await walk(page, `/${locale}/no-such-page`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(errors).toEqual([]);
    });

    test("the demo mailbox and a mail keep everything on a phone's screen", async ({ page }) => {
      const errors = watchConsole(page);
      await page.goto(`${demo}/${locale}/demo-mailbox`);
      const rows = page.getByTestId("mailbox").locator("tbody tr");
      await expect(rows.first()).toBeVisible();
      // Table cells past the window's edge count even inside a scrolling region (e2e/support/layout.ts).
      await expectLayoutHolds(page);
      // A mail that carried a link is erased once the link is used (another spec may have signed in on the
      // demo portal): open one that keeps its text.
      const kept = rows.filter({
        hasNotText: /sign-in link|Anmeldelink|confirm your request|bestätigen Sie Ihre Anfrage/,
      });
      await kept.first().getByRole("link").click();
      await expect(page.locator(".mail-text")).toBeVisible();
      await expectLayoutHolds(page);
      expect(errors).toEqual([]);
    });
  });
}

test.describe.serial("signed in as a demo subject with an open question (demo variant)", () => {
  // Signing in waits for the demo's mail job; the walks are five pages at five widths.
  test.describe.configure({ timeout: 120_000 });
  const max = "max.mueller@demo.example";
  let page: Page;
  let reference = "";
  let errors: string[] = [];

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext({ locale: "de-DE" })).newPage();
    await signInOnDemo(page, max);
    await page.goto(`${demo}/de/my/requests`);
    reference = (await page.getByRole("link", { name: /^DSR-/ }).first().textContent()) ?? "";
    expect(reference).toMatch(/^DSR-\d{4}-\d{6}$/);
    errors = watchConsole(page);
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test("the case page says each thing once, with even spacing between its sections", async () => {
    await page.goto(`${demo}/de/my/requests/${reference}`);
    const question = page.getByTestId("open-question");
    const words = (await question.locator("blockquote").textContent())!.trim();
    expect(words.length).toBeGreaterThan(10);
    // The question is the call to action; the messages and the history point to it, not repeat it.
    const main = (await page.locator("main").innerText()).split(words).length - 1;
    expect(main, "times the question appears on the page").toBe(1);
    await expect(page.getByTestId("thread").getByRole("link", { name: /Frage/ })).toHaveAttribute(
      "href",
      "#question-title",
    );
    for (const width of [390, 1280]) {
      await resizeTo(page, width);
      const gaps = await page.getByTestId("case-page").evaluate((el) =>
        Array.from(el.children)
          .map((c) => c.getBoundingClientRect())
          .slice(1)
          .map((r, i) => r.top - el.children[i]!.getBoundingClientRect().bottom),
      );
      expect(gaps.length).toBeGreaterThan(3);
      expect(Math.max(...gaps) - Math.min(...gaps), `gaps at ${width} px: ${gaps.join(", ")}`).toBeLessThanOrEqual(1);
    }

    await page.goto(`${demo}/de/my/requests/${reference}/withdraw`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `Ihre Auskunftsanfrage ${reference} zurückziehen?`,
    );
    await page.goto(`${demo}/en/my/requests/${reference}/withdraw`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Withdraw your access request ${reference}?`);
  });

  for (const locale of locales) {
    test(`case list, case page and withdrawal page hold at every width (${locale})`, async () => {
      await walk(page, `${demo}/${locale}/my/requests`);
      await walk(page, `${demo}/${locale}/my/requests/${reference}`);
      await expect(page.getByRole("heading", { level: 1 }).locator(".reference")).toHaveText(reference);
      await walk(page, `${demo}/${locale}/my/requests/${reference}/withdraw`);
      await expect(page.getByRole("heading", { level: 1 }).locator(".reference")).toHaveText(reference);
      expect(errors).toEqual([]);
    });
  }
});

test.describe("small slips", () => {
  test("/favicon.ico is an icon, and the overview's links are named without a stray space", async ({ page }) => {
    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/^image\//);

    await page.goto("/de/requests/new");
    await expect(
      page.getByRole("link", { name: "Diese Anfrage stellen: Datenübertragbarkeit", exact: true }),
    ).toBeVisible();
    await page.goto("/en/requests/new");
    await expect(page.getByRole("link", { name: "Start this request: Data portability", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Start this request: / })).toHaveCount(7);
  });
});

/** The table of contents: every number on one line beside its title (broken words are found at every width by layoutProblems). */
async function expectTocHolds(page: Page): Promise<void> {
  const problems = await page.getByTestId("toc").evaluate((toc) => {
    const found: string[] = [];
    for (const link of Array.from(toc.querySelectorAll("a"))) {
      const number = link.querySelector(".toc__number");
      const title = link.querySelector(".toc__text");
      if (!number || !title) {
        found.push(`"${link.textContent}": no number and title of its own`);
        continue;
      }
      const n = number.getClientRects();
      if (n.length !== 1 || Math.abs(n[0]!.top - title.getClientRects()[0]!.top) > 2) {
        found.push(`"${link.textContent}": number not beside its title`);
      }
    }
    return found;
  });
  expect.soft(problems, `${page.viewportSize()?.width} px`).toEqual([]);
}

/** Far down the long statement the table of contents is still on screen, whole (its own scroll if tall). */
async function expectTocStaysInView(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.7));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const box = await page.getByTestId("toc").evaluate((toc) => {
    const r = toc.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight, scrolled: window.scrollY };
  });
  expect(box.scrolled).toBeGreaterThan(5_000);
  expect.soft(box.top, "table of contents' top after scrolling").toBeGreaterThanOrEqual(0);
  expect.soft(box.bottom, "table of contents' bottom after scrolling").toBeLessThanOrEqual(box.height);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Signs in on the demo variant as a newcomer does there: the link arrives in the demo mailbox. */
async function signInOnDemo(page: Page, email: string): Promise<void> {
  await page.goto(`${demo}/de/sign-in`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmeldelink senden" }).click();
  await expect(page).toHaveURL(/\/de\/sign-in\/check-email$/);
  const mail = page
    .getByTestId("mailbox")
    .locator("tbody tr", { hasText: email })
    .getByRole("link", { name: /Anmeldelink/ });
  await page.goto(`${demo}/de/demo-mailbox`);
  await expect(async () => {
    await page.reload();
    await expect(mail.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await mail.first().click();
  const link = await page.locator(".mail-text a", { hasText: "/sign-in/link" }).getAttribute("href");
  await followMailedLink(page, link!);
  await expect(page).not.toHaveURL(/\/sign-in\/link\?/);
}
