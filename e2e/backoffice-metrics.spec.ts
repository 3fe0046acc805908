// The metrics page (issue 13) in both languages, axe clean: the key figures, the due-week chart as an
// image with a title and a description, and the same figures in a table. An admin does not find it.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { signInAsStaff } from "./support/staff-sign-in";

for (const locale of ["en", "de"] as const) {
  test(`the metrics page reads as figures, chart and tables (${locale})`, async ({ page }) => {
    await signInAsStaff(page, "auditor@demo.example", `/${locale}/backoffice/metrics`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "Metrics" : "Kennzahlen");
    await expect(page.getByTestId("metrics-figures")).toBeVisible();
    const chart = page.getByRole("img", {
      name: locale === "en" ? /Open requests by the week/ : /Offene Anträge nach der Woche/,
    });
    await expect(chart).toBeVisible();
    // The table holds what the chart draws: overdue, eight weeks, later; its total is the open requests'.
    const rows = page.getByTestId("due-weeks-table").locator("tbody tr");
    await expect(rows).toHaveCount(10);
    const counts = await rows.locator("td").allInnerTexts();
    const open = await e2eDb().request.count({
      where: { status: { in: ["received", "in_progress", "awaiting_subject"] }, dueDate: { not: null } },
    });
    expect(counts.map((c) => Number(c.replace(/\D/g, ""))).reduce((a, b) => a + b, 0)).toBe(open);
    await expectAccessible(page);
  });
}

test("an admin does not find the metrics (404)", async ({ page }) => {
  await signInAsStaff(page, "admin@demo.example", "/en/backoffice/staff");
  const answer = await page.goto("/en/backoffice/metrics");
  expect(answer?.status()).toBe(404);
});
