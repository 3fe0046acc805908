// The back-office queue as the demo DPO sees it: filtering to a new request by its address, the view
// in the URL, the same view and a changed filter without JavaScript, both languages axe clean, a bulk
// assignment, the audited reveal of the subject's address, and the register as CSV.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { signInAsStaff } from "./support/staff-sign-in";

const run = Date.now();
const subject = `queue-${run}@example.org`;
const reference = `DSR-1999-${String(run % 1_000_000).padStart(6, "0")}`;

test.describe("the back-office queue", () => {
  // One sign-in for all: workers signing in as the same DPO at once could take each other's link.
  test.describe.configure({ mode: "serial" });
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // A bare row (submitRequest's mail templates do not load under Playwright's module loader): confirmed
    // today, due in a month, nobody assigned.
    const now = new Date();
    const dueAt = new Date(now.getTime() + 30 * 86_400_000);
    await e2eDb().request.create({
      data: {
        reference,
        type: "erasure",
        details: {},
        subjectEmail: subject,
        language: "en",
        status: "received",
        submittedAt: now,
        receivedAt: now,
        firstDueAt: dueAt,
        dueAt,
        dueDate: dueAt.toISOString().slice(0, 10),
        statementVersion: "2023-07",
      },
    });
    page = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await page.goto("/en/backoffice");
    await expect(page).toHaveURL(/\/en\/sign-in/);
    // Signing in itself is e2e/backoffice-sign-in.spec.ts: here a session with its second factor proven.
    await signInAsStaff(page, "dpo@demo.example", "/en/backoffice");
    await expect(page.getByTestId("queue-page")).toBeVisible();
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test("filters to the new request by its address; the URL holds the view", async () => {
    await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
    await expect(page.getByTestId("queue-dashboard")).toContainText("Overdue");
    await expectAccessible(page);

    const filters = page.getByTestId("queue-filters");
    await filters.getByLabel("Reference or exact e-mail address").fill(`  ${subject.toUpperCase()} `);
    await filters.getByRole("checkbox", { name: "Erasure (Art. 17)" }).check();
    await filters.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(subject).replace(/\./g, "\\.")}`));
    await expect(page).toHaveURL(/[?&]type=erasure/);
    const rows = page.getByTestId("queue-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-reference", reference);
    // Masked until revealed; the reference opens the case file.
    await expect(rows.first().getByTestId("queue-subject-masked")).toHaveText("q***@example.org");
    // (The search field holds what the DPO typed; the table shows no address.)
    expect(await page.getByTestId("queue-table").innerHTML()).not.toContain(subject);
    await expect(rows.first().getByRole("link", { name: reference })).toHaveAttribute(
      "href",
      `/en/backoffice/requests/${reference}`,
    );
    await expect(rows.first()).toContainText("Erasure (Art. 17)");
    await expect(rows.first()).toContainText("nobody");
    await expect(rows.first()).toContainText(/\d+ days left/);
    await expectAccessible(page);
  });

  test("a bad value is named on the page, the rest of the view kept", async () => {
    await page.goto(`/en/backoffice?q=${encodeURIComponent(subject)}&status=lost&due=soonish`);
    await expect(page.getByTestId("queue-problems")).toContainText("Status: not a value this filter knows.");
    await expect(page.getByTestId("queue-problems")).toContainText("Due: not a value this filter knows.");
    await expect(page.getByTestId("queue-row")).toHaveCount(1);
    await expectAccessible(page);
  });

  test("the same view without JavaScript, and a changed filter", async ({ browser }) => {
    const context = await browser.newContext({
      locale: "de-DE",
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    const plain = await context.newPage();
    try {
      await plain.goto(`/en/backoffice?q=${encodeURIComponent(subject)}&type=erasure`);
      await expect(plain.getByTestId("queue-row")).toHaveCount(1);
      // Another type: the GET form writes the view into the URL without any script.
      const filters = plain.getByTestId("queue-filters");
      await filters.getByRole("checkbox", { name: "Erasure (Art. 17)" }).uncheck();
      await filters.getByRole("checkbox", { name: "Access (Art. 15)" }).check();
      await filters.getByRole("button", { name: "Show" }).click();
      await expect(plain).toHaveURL(/[?&]type=access/);
      await expect(plain).not.toHaveURL(/type=erasure/);
      await expect(plain.getByTestId("queue-empty")).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test("in German, axe clean", async () => {
    await page.goto(`/de/backoffice?q=${encodeURIComponent(subject)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Anträge" })).toBeVisible();
    const row = page.getByTestId("queue-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Löschung (Art. 17)");
    await expect(row).toContainText(/noch \d+ Tage/);
    await expect(page.getByTestId("queue-dashboard")).toContainText("Überfällig");
    await expectAccessible(page);
  });

  test("assigns the ticked request to the privacy team: one step with its own audit entry", async () => {
    await page.goto(`/en/backoffice?q=${encodeURIComponent(subject)}`);
    await page.getByRole("checkbox", { name: `Select ${reference}` }).check();
    const bulk = page.getByTestId("queue-bulk");
    await bulk.getByLabel("Assign to").selectOption({ label: "Paul Neumann (privacy@demo.example)" });
    await bulk.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByTestId("queue-bulk-done")).toHaveText("1 request changed; none refused.");
    await expect(page.getByTestId("queue-row")).toContainText("Paul Neumann");
    const paul = await e2eDb().user.findUniqueOrThrow({ where: { email: "privacy@demo.example" } });
    const stored = await e2eDb().request.findUniqueOrThrow({ where: { reference }, include: { auditEntries: true } });
    expect(stored.assigneeId).toBe(paul.id);
    expect(stored.auditEntries).toHaveLength(1);
    expect(stored.auditEntries[0]).toMatchObject({ actorRole: "dpo", seq: 1 });
    await expectAccessible(page);
  });

  test("on a phone the table scrolls inside its own labelled region", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/en/backoffice?q=${encodeURIComponent(subject)}`);
    const region = page.getByRole("region", { name: "1 request matches" });
    await expect(region).toBeVisible();
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const bodyWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(bodyWidth).toBeLessThanOrEqual(375);
    await expectAccessible(page);
  });

  test("reveals the subject's address on record: the audit entry first, then the address", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/en/backoffice?q=${encodeURIComponent(subject)}`);
    const row = page.getByTestId("queue-row");
    await expect(row.getByTestId("queue-subject-masked")).toHaveText(`q***@example.org`);
    await row.getByRole("button", { name: `Reveal the address of ${reference}` }).click();
    await expect(page.getByTestId("queue-row")).toContainText(subject);
    const stored = await e2eDb().request.findUniqueOrThrow({ where: { reference }, include: { auditEntries: true } });
    expect(stored.auditEntries.map((e) => e.event)).toContain("subject_revealed");
    expect(stored.auditEntries.find((e) => e.event === "subject_revealed")).toMatchObject({
      public: false,
      actorRole: "dpo",
    });
    await expectAccessible(page);
  });

  test("downloads the register of the view as CSV, a typed formula made inert, the export on record", async () => {
    await e2eDb().request.update({
      where: { reference },
      data: { subjectName: '=HYPERLINK("https://evil.example","x")' },
    });
    await page.goto(`/en/backoffice?q=${encodeURIComponent(subject)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("queue-register").click()]);
    expect(download.suggestedFilename()).toMatch(/^request-register-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    const lines = csv
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "reference,type,status,submitted_at,received_at,due_date,extended_at,closed_at,assignee,subject_name,subject_email_masked,language,statement_version,duplicate_of",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${reference},erasure,received,`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")",q***@example.org,en`);
    const exports = await e2eDb().auditEntry.count({ where: { chain: "system", event: "register_exported" } });
    expect(exports).toBeGreaterThan(0);
  });
});
