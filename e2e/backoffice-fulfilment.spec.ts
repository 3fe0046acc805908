// Issue 14's back office: the connectors page (the DPO creates a connector; the auditor only reads) and the
// case file's Fulfilment panel (which task blocks completion, retry a dead letter, mark one not applicable
// with a note), in English and German, each page checked with axe.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { confirmedRequest } from "./support/confirmed-request";
import { e2eDb } from "./support/database";
import { signInAsStaff } from "./support/staff-sign-in";

const run = Date.now().toString(36);

async function staffPage(browser: Browser, email: string, path: string, locale: "de" | "en"): Promise<Page> {
  const context = await browser.newContext({ locale: locale === "en" ? "en-GB" : "de-DE" });
  const page = await context.newPage();
  await signInAsStaff(page, email, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`));
  return page;
}

test.describe.configure({ mode: "serial" });

test("the DPO creates a connector; the auditor reads the list without a form", async ({ browser }) => {
  const dpo = await staffPage(browser, "dpo@demo.example", "/en/backoffice/connectors", "en");
  await expect(dpo.getByTestId("connectors-table")).toContainText("ilert platform");
  await expect(dpo.getByTestId("connectors-table")).toContainText("Archiv Service GmbH");
  await expectAccessible(dpo);
  await dpo.getByTestId("connector-new").click();
  const form = dpo.getByTestId("connector-form");
  await form.getByLabel("Name", { exact: true }).fill("Call centre notes");
  await form.getByLabel("Key", { exact: true }).fill(`call-centre-${run}`);
  await form.getByLabel("Kind").selectOption("manual");
  await form.getByTestId("connector-save").click();
  // Nothing ticked, no instructions: each field says what is missing.
  await expect(dpo.getByTestId("connector-form-error")).toBeVisible();
  await expect(form).toContainText("Tick at least one entry.");
  await expectAccessible(dpo);
  await form.getByLabel("Registration").check();
  await form.getByLabel("Instructions for the owner (German)").fill("Notizen durchsuchen.");
  await form.getByLabel("Instructions for the owner (English)").fill("Search the notes.");
  await form.getByTestId("connector-save").click();
  await expect(dpo.getByTestId("connectors-notice")).toContainText("Saved.");
  await expect(dpo.locator(`[data-key="call-centre-${run}"]`)).toContainText("Call centre notes");
  await dpo.goto("/de/backoffice/connectors");
  await expect(dpo.getByRole("heading", { level: 1 })).toHaveText("Konnektoren");
  await expectAccessible(dpo);
  await e2eDb().connector.update({ where: { key: `call-centre-${run}` }, data: { enabled: false } });

  await e2eDb().user.create({ data: { email: `fulfilment-auditor-${run}@demo.example`, role: "auditor" } });
  const auditor = await staffPage(browser, `fulfilment-auditor-${run}@demo.example`, "/en/backoffice/connectors", "en");
  await expect(auditor.getByTestId("connectors-table")).toBeVisible();
  await expect(auditor.getByTestId("connector-new")).toHaveCount(0);
  await auditor.goto("/en/backoffice/connectors?edit=new");
  await expect(auditor.getByTestId("connector-form")).toHaveCount(0);
});

test("the Fulfilment panel names what blocks completion; retry and not applicable work", async ({ browser }) => {
  // Two staff sign-ins, four pages with axe and three posts: a minute was too short on a busy 2-core machine.
  test.setTimeout(180_000);
  const db = e2eDb();
  const reference = confirmedRequest(`fulfilment-subject-${run}@example.org`, "en");
  const request = await db.request.update({ where: { reference }, data: { status: "in_progress" } });
  const connector = await db.connector.create({
    data: {
      key: `panel-${run}`,
      kind: "manual",
      name: `Panel archive ${run}`,
      config: { instructions: { de: "Prüfen.", en: "Check." } },
      registerEntries: ["registration"],
      enabled: false,
    },
  });
  const task = await db.fulfilmentTask.create({
    data: {
      requestId: request.id,
      connectorId: connector.id,
      step: "export",
      system: connector.key,
      title: "export",
      status: "dead_lettered",
      attempts: 8,
      lastError: "no answer within 10000 ms",
      result: { found: true, records: [{ recordType: "letters", action: "found", count: 3 }] },
    },
  });
  const path = `/en/backoffice/requests/${reference}`;
  const dpo = await staffPage(browser, "dpo@demo.example", path, "en");
  const panel = dpo.getByTestId("case-fulfilment");
  await expect(panel.getByTestId("fulfilment-blocking")).toContainText(`Panel archive ${run}`);
  await expect(panel.getByTestId("task-records")).toContainText("letters: 3 found");
  await expect(panel.getByTestId("task-last-error")).toContainText("no answer within 10000 ms");
  await expectAccessible(dpo);

  await panel.getByTestId("task-retry").click();
  await expect(dpo.getByTestId("task-done")).toContainText("tried again");
  expect((await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("open");

  await dpo.goto(`/de/backoffice/requests/${reference}`);
  const panelDe = dpo.getByTestId("case-fulfilment");
  await expect(panelDe).toContainText("Den Abschluss verhindern");
  await panelDe.getByText("Als entfallen markieren", { exact: true }).first().click();
  await panelDe.getByTestId("task-note").fill("Das Archiv enthält keine Kundendaten.");
  await panelDe.getByTestId("task-not-applicable").click();
  await expect(dpo.getByTestId("task-done")).toContainText("als entfallen markiert");
  // (The runner may have planned the seeded connectors' tasks meanwhile: only this task is checked here.)
  await expect(dpo.getByTestId("fulfilment-blocking")).not.toContainText(`Panel archive ${run}`);
  await expectAccessible(dpo);
  expect(await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
    status: "not_applicable",
    note: "Das Archiv enthält keine Kundendaten.",
  });
});
