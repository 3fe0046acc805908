// Geometry checks for the width test (e2e/layout.spec.ts): a page is loaded once and
// measured at every width by resizing the viewport, never by eye.
import { expect, type Page, type TestInfo } from "@playwright/test";

/** From the narrowest phone to a wide desktop: issue 11, item 5. */
export const WIDTHS = [320, 390, 768, 1280, 1440] as const;
const HEIGHT = 900;

/**
 * Sets the width. Nothing to wait for: Playwright applies the size before it resolves, and every
 * measurement (getBoundingClientRect, scrollWidth) makes the browser lay the page out first.
 */
export async function resizeTo(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: HEIGHT });
}

/**
 * Everything that does not fit at the current width, one line each: the page scrolling sideways,
 * content wider than the box it sits in (text running out of a card), a box or a table cell
 * reaching past the window (a table scrolling its status and date off a phone's screen), a word
 * of a heading, a button or the table of contents broken inside (this Chromium has no
 * hyphenation dictionary, so any such break is a bare cut), and a request reference broken over
 * two lines. Left alone: visually hidden text (1 px boxes by design), form controls (their text
 * scrolls inside them) and whatever else sits inside a region made to scroll sideways, which
 * must itself fit.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const scroller = document.scrollingElement!;
    if (scroller.scrollWidth > window.innerWidth) {
      problems.push(`the page scrolls sideways: ${scroller.scrollWidth} px wide in a ${window.innerWidth} px window`);
    }
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls =
        typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
    };
    const skipped = new Set(["INPUT", "SELECT", "TEXTAREA", "OPTION", "SCRIPT", "STYLE", "BR", "HEAD", "TITLE"]);
    // Document order puts every parent before its children: one pass, each element's verdict from its parent's.
    const insideScrollOrHidden = new Map<Element, boolean>();
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const parent = el.parentElement!;
      const parentStyle = getComputedStyle(parent);
      const parentRect = parent.getBoundingClientRect();
      const inherited =
        (insideScrollOrHidden.get(parent) ?? false) ||
        (parent !== document.body &&
          (parentStyle.overflowX === "auto" ||
            parentStyle.overflowX === "scroll" ||
            (parentRect.width <= 1 && parentRect.height <= 1)));
      insideScrollOrHidden.set(el, inherited);
      if (el instanceof SVGElement || skipped.has(el.tagName)) continue;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 && rect.height <= 1) continue;
      // A table cell off the screen is a fault even inside a scrolling region: status and date out of sight.
      if ((el.tagName === "TD" || el.tagName === "TH") && rect.right > viewport + 1) {
        problems.push(`${describe(el)}: a table cell reaching ${Math.round(rect.right)} px, window ${viewport} px`);
        continue;
      }
      if (inherited) continue;
      const scrolls = style.overflowX === "auto" || style.overflowX === "scroll";
      if (style.display !== "inline" && !scrolls && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${describe(el)}: content ${el.scrollWidth} px wide in a ${el.clientWidth} px box`);
      }
      // The skip link waits above the page, off screen on purpose.
      if (rect.right > viewport + 1 && !el.classList.contains("skip-link")) {
        problems.push(`${describe(el)}: right edge at ${Math.round(rect.right)} px, window ${viewport} px`);
      }
    }
    // Words that must stay whole: split at spaces and at the hyphens of compounds ("E-Mail-Adresse" may break there).
    const whole = document.querySelectorAll(
      "main h1, main h2, main h3, .card__title, .toc__text, .site-nav a, .button",
    );
    for (const el of Array.from(whole)) {
      // Even inside a scrolling region: a word cut in two is a fault wherever it is.
      if (el.closest(".visually-hidden")) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest(".visually-hidden, .reference")) continue;
        for (const word of (node.textContent ?? "").matchAll(/[^\s\-‐–]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.bottom)));
          if (lines.size > 1) problems.push(`${describe(el)}: the word "${word[0]}" broken over two lines`);
        }
      }
    }
    // A reference (DSR-2026-000123) is one word: never broken at its hyphens.
    for (const el of Array.from(document.querySelectorAll(".reference"))) {
      const lines = new Set(Array.from(el.getClientRects()).map((r) => Math.round(r.bottom)));
      if (lines.size > 1) problems.push(`${describe(el)}: a reference broken over two lines`);
    }
    return problems;
  });
}

/**
 * Loads nothing: checks the page the browser shows at every width (a soft expectation, so one
 * test reports every page that fails), runs `atWidth` at each, and leaves the page at the last width.
 */
export async function expectLayoutHolds(
  page: Page,
  atWidth?: (width: number) => Promise<void>,
  widths: readonly number[] = WIDTHS,
): Promise<void> {
  const found: string[] = [];
  for (const width of widths) {
    await resizeTo(page, width);
    for (const problem of await layoutProblems(page)) found.push(`${width} px: ${problem}`);
    await atWidth?.(width);
  }
  expect.soft(found, `${page.url()}\n${found.join("\n")}`).toEqual([]);
}

/** A screenshot of what the viewport shows, kept with the test's results (checked by geometry, not by eye). */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage }), contentType: "image/png" });
}
