// Bad input on the request forms, in the browser and without it: every problem is named beside its
// field and in a focused summary, nothing is sent, and a fuzzer posting random bodies straight to
// the forms' server action (as a browser without JavaScript would) never gets a server error.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { expect, test, type Page } from "@playwright/test";
import { detailFieldNames } from "../lib/requests/intake/form-fields";
import { requestTypes } from "../lib/requests/request-types";
import { expectAccessible } from "./support/axe";
import { E2E_PORT } from "./support/environment";
import { sentMails } from "./support/mailbox";
import { actionFields } from "./support/raw-request";

test.use({ locale: "de-DE" });

/** The summary's links lead to fields that stand on the page in the summary's order, top to bottom. */
async function expectFormOrder(page: Page): Promise<void> {
  const targets = await page
    .getByTestId("error-summary")
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((a) => document.querySelector(a.getAttribute("href")!)!.getBoundingClientRect().top + window.scrollY),
    );
  expect(targets.length).toBeGreaterThan(1);
  expect(targets).toEqual([...targets].sort((a, b) => a - b));
}

test("with JavaScript: an empty form is answered in place, each entry naming its field in the form's order, the summary focused", async ({
  page,
}) => {
  await page.goto("/de/requests/new/access");
  await page.getByRole("button", { name: "Anfrage senden" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Bitte prüfen Sie 3 Felder");
  // Radio buttons are chosen, text is entered; each entry says which field it is about.
  await expect(summary.getByRole("listitem")).toHaveText([
    "Über welche Daten möchten Sie Auskunft? Bitte wählen Sie eine Möglichkeit.",
    "Was möchten Sie? Bitte wählen Sie eine Möglichkeit.",
    "E-Mail-Adresse: Bitte geben Sie hier etwas ein.",
  ]);
  await expectFormOrder(page);
  await expect(page.locator("#f-email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-email-error")).toHaveText("Bitte geben Sie hier etwas ein.");
  await expect(page.locator("#f-details-scope-error")).toHaveText("Bitte wählen Sie eine Möglichkeit.");
  await expect(page).toHaveURL(/\/de\/requests\/new\/access$/);
  await expectAccessible(page);
  // The summary's links lead to the fields.
  await summary.getByRole("link").first().click();
  await expect(page).toHaveURL(/#f-details-scope$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server's summary names each field in the form's order, in the words of its control (English)", async ({
    page,
  }) => {
    await page.goto("/en/requests/new/objection");
    await page.getByRole("radio", { name: /^Certain processing/ }).check();
    await page.getByRole("button", { name: "Send request" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("listitem")).toHaveText([
      "Which processing? Please tick at least one.",
      "What about your particular situation speaks against it? Please enter this.",
      "Email address: Please enter this.",
    ]);
    await expectFormOrder(page);
  });

  test("too long, an invisible character, a 20 MB file and a renamed executable: field errors, values kept, nothing sent", async ({
    page,
  }) => {
    const email = `bad-input-${Date.now()}@example.org`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-files-"));
    const big = path.join(dir, "scan.pdf");
    fs.writeFileSync(big, Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(20 * 1024 * 1024)]));
    const exe = path.join(dir, "rechnung.pdf");
    fs.writeFileSync(exe, Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0]), Buffer.alloc(4096)]));

    await page.goto("/de/requests/new/erasure");
    await page.locator('[name="details.scope"][value="specific"]').check();
    await page.locator('[name="details.specificData"]').fill("x".repeat(5001));
    await page.locator('[name="email"]').fill(email);
    // A zero-width space, as copying from some pages brings along (markup, by contrast, is text and accepted).
    await page.locator('[name="name"]').fill("Alex\u200bSchmidt");
    await page.locator('[name="attachments"]').setInputFiles(big);
    await page.getByRole("button", { name: "Anfrage senden" }).click();

    await expect(page.locator("#f-details-specificData-error")).toHaveText(
      "Bitte kürzen Sie auf höchstens 5.000 Zeichen.",
    );
    await expect(page.locator("#f-name-error")).toHaveText(
      "An Stelle 5 steht ein unsichtbares Zeichen (U+200B), zum Beispiel ein Leerzeichen ohne Breite oder ein Zeichen, das die Schreibrichtung umkehrt. Es kommt oft beim Kopieren mit. Bitte löschen Sie es.",
    );
    await expect(page.locator("#f-attachments-error")).toHaveText(
      "„scan.pdf“ ist zu groß: Jede Datei darf höchstens 10 MB haben.",
    );
    // What was typed is still there (except the files, which the page asks for again).
    await expect(page.locator('[name="email"]')).toHaveValue(email);
    await expect(page.locator('[name="details.scope"][value="specific"]')).toBeChecked();
    await expect(page.getByTestId("error-summary")).toContainText("wählen Sie sie bitte erneut aus");

    await page.locator('[name="details.specificData"]').fill("Meine Telefonnummer");
    await page.locator('[name="name"]').fill("Alex <Schmidt>");
    await page.locator('[name="attachments"]').setInputFiles(exe);
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await expect(page.locator("#f-attachments-error")).toHaveText(
      "„rechnung.pdf“ ist keine PDF-, PNG- oder JPEG-Datei. Bitte hängen Sie nur solche an.",
    );
    await expect(page.getByTestId("error-summary")).toContainText("Bitte prüfen Sie ein Feld");

    // Nothing was filed: no confirmation mail went to the address.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await sentMails()).filter((m) => m.envelope.to.includes(email))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

test("random bodies posted to every form's server action never cause a server error", async () => {
  test.setTimeout(240_000);
  const origin = `http://127.0.0.1:${E2E_PORT}`;
  const statuses = new Map<number, number>();
  for (const type of requestTypes) {
    const url = `${origin}/de/requests/new/${type}`;
    const hidden = await actionFields(`/de/requests/new/${type}`);
    expect(hidden.map(([name]) => name)).toContain("$ACTION_KEY");
    const names = detailFieldNames(type);
    const known = [...names.single, ...names.multiple, "email", "name", "language", "website", "locale", "type"];
    const bodies = fc.sample(
      fc.record({
        fields: fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 })),
            fc.oneof(
              fc.string(),
              fc.constantFrom("", "yes", "all", "processing", "<script>x</script>", "x".repeat(6000)),
            ),
          ),
          { maxLength: 15 },
        ),
        // The action's bound arguments travel through the browser too: tamper with them now and then.
        bound: fc.option(fc.constantFrom("[null]", '["x"]', "[]", '[{"attempt":"NaN"}]', '[{"errors":1}]')),
        file: fc.option(fc.uint8Array({ maxLength: 256 })),
        dropHidden: fc.boolean(),
      }),
      { numRuns: 40, seed: 6 },
    );
    for (const body of bodies) {
      const form = new FormData();
      for (const [name, value] of hidden) form.append(name, body.bound && name.endsWith(":1") ? body.bound : value);
      // The form's own hidden fields come first (a repeated name then changes nothing), unless the fuzzer drops them.
      if (!body.dropHidden)
        for (const [name, value] of [
          ["type", type],
          ["locale", "de"],
        ])
          form.append(name!, value!);
      for (const [name, value] of body.fields) form.append(name, value);
      if (body.file) form.append("attachments", new File([body.file], "x.pdf"));
      const response = await fetch(url, {
        method: "POST",
        body: form,
        headers: { Origin: origin },
        redirect: "manual",
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, `${type}: ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500);
    }
  }
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(280);
});
