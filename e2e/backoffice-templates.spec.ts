// The DPO's text templates (issue 13): the DPO edits the German completion text for access requests,
// previews it with sample values and saves it as a new version; a refusal text without the judicial
// remedy (Art. 79, required by Art. 12(4)) is refused with a message naming the part; a German case
// completed afterwards sends a mail (read from the SMTP sink) carrying the edited words, bound to
// that version in the outbox. The privacy team and auditors read the templates but cannot change them. Axe on
// every page. The edited text goes back to the default at the end (a new version), so other specs
// meet the shipped words; the demo DPO is the only DPO (no spec makes another active one).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { confirmedRequest } from "./support/confirmed-request";
import { e2eDb } from "./support/database";
import { waitForMail } from "./support/mailbox";
import { signInAsStaff } from "./support/staff-sign-in";

const run = Date.now().toString(36);
const dpoEmail = "dpo@demo.example";
const teamEmail = "privacy@demo.example";
const completionPath = (locale: "de" | "en") => `/${locale}/backoffice/templates/completion/access/de`;
const refusalPath = "/de/backoffice/templates/refusal/all/de";
const ownWords = `Unsere eigenen Worte ${run}: Ihre Anfrage {{reference}} ({{requestType}}) ist beantwortet.`;

async function staffPage(browser: Browser, email: string, path: string, locale: "de" | "en"): Promise<Page> {
  const context = await browser.newContext({ locale: locale === "de" ? "de-DE" : "en-GB" });
  const page = await context.newPage();
  await signInAsStaff(page, email, path);
  return page;
}

test.describe.configure({ mode: "serial" });

test.describe("text templates", () => {
  test("the DPO edits the German completion text with a preview; a case completed in German sends it", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const initial = await versions("completion", "access");
    const saved = initial + 1;
    const dpo = await staffPage(browser, dpoEmail, "/de/backoffice/templates", "de");
    await expect(dpo.getByRole("heading", { level: 1 })).toHaveText("Textvorlagen");
    await expect(
      dpo.getByRole("navigation", { name: "Backoffice" }).getByRole("link", { name: "Textvorlagen" }),
    ).toBeVisible();
    await expect(dpo.getByTestId("templates-read-only")).toHaveCount(0);
    await expectAccessible(dpo);

    // From the list to the editor, by keyboard-reachable link.
    await dpo
      .getByTestId("templates-completion")
      .getByRole("link", { name: /Erledigung, Auskunft, Deutsch bearbeiten/ })
      .click();
    await expect(dpo).toHaveURL(new RegExp(`${completionPath("de")}$`));
    await expect(dpo.getByRole("heading", { level: 1 })).toHaveText("Erledigung · Auskunft · Deutsch");
    await expect(dpo.getByTestId("notice-preview-text")).toContainText(
      "wir haben Ihre Anfrage DSR-2026-000042 erledigt:",
    );
    await expectAccessible(dpo);

    // An unknown placeholder is refused by name, and what was typed stays.
    const body = dpo.getByRole("textbox", { name: "Text", exact: true });
    await body.fill(`Guten Tag,\n\n${ownWords} {{kundennummer}}\n\n{{summary}}`);
    await dpo.getByRole("button", { name: "Vorschau" }).click();
    await expect(dpo.locator("#notice-body-error")).toHaveText(
      "Diese Platzhalter kennt die Vorlage nicht: {{kundennummer}}. Bitte verwenden Sie nur die unten aufgeführten.",
    );
    await expect(body).toHaveValue(/kundennummer/);

    // The preview shows the typed text with the sample values, before anything is saved.
    await body.fill(`Guten Tag,\n\n${ownWords}\n\n{{summary}}\n\nMit freundlichen Grüßen`);
    await dpo.getByLabel("Notiz zur Änderung (freiwillig)").fill("kürzer und persönlicher");
    await dpo.getByRole("button", { name: "Vorschau" }).click();
    const preview = dpo.getByTestId("notice-preview-text");
    await expect(preview).toContainText(
      `Unsere eigenen Worte ${run}: Ihre Anfrage DSR-2026-000042 (Auskunft (Art. 15 DSGVO)) ist beantwortet.`,
    );
    await expect(preview).toContainText("Copy sent.");
    await expect(dpo.getByText("Vorschau des noch nicht gespeicherten Texts.")).toBeVisible();
    expect(await versions("completion", "access")).toBe(initial);
    await expectAccessible(dpo);

    await dpo.getByRole("button", { name: "Als neue Version speichern" }).click();
    await expect(dpo.getByTestId("template-notice")).toContainText("Gespeichert");
    await expect(dpo.getByTestId("template-source")).toHaveText(`Aktuell gilt Version ${saved}.`);
    const history = dpo.getByTestId("template-history");
    await expect(history.getByRole("row").nth(1)).toContainText("Dana Berger");
    await expect(history.getByRole("row").nth(1)).toContainText("kürzer und persönlicher");
    await expectAccessible(dpo);

    // A refusal text without the judicial remedy cannot be saved; the message names the part and its article.
    await dpo.goto(refusalPath);
    const refusalBody = dpo.getByRole("textbox", { name: "Text", exact: true });
    const shipped = await refusalBody.inputValue();
    expect(shipped).toContain("{{judicialRemedy}}");
    await refusalBody.fill(shipped.replace("{{judicialRemedy}}", "Sie können auch klagen."));
    const before = await versions("refusal", "all");
    await dpo.getByRole("button", { name: "Als neue Version speichern" }).click();
    await expect(dpo.locator("#notice-body-error")).toHaveText(
      "Der Platzhalter {{judicialRemedy}} fehlt. Er trägt das Recht auf einen gerichtlichen Rechtsbehelf (Art. 79, Art. 12 Abs. 4 DSGVO); ohne ihn kann die Vorlage nicht gespeichert werden.",
    );
    await expect(refusalBody).toHaveValue(/Sie können auch klagen\./);
    expect(await versions("refusal", "all")).toBe(before);
    await expectAccessible(dpo);

    // A German access request completed now: the mail carries the edited words.
    const subjectEmail = `templates-subject-${run}@example.org`;
    const reference = confirmedRequest(subjectEmail, "de");
    await dpo.goto(`/de/backoffice/requests/${reference}`);
    await dpo.getByTestId("case-form-start_work").getByRole("button", { name: "Bearbeitung beginnen" }).click();
    await expect(dpo.getByTestId("case-status")).toHaveText("in Bearbeitung");
    const complete = dpo.getByTestId("case-form-complete");
    await complete.getByLabel("Zusammenfassung für die betroffene Person").fill(`Die Kopie liegt bereit (${run}).`);
    await complete.getByRole("button", { name: "Erledigen" }).click();
    await expect(dpo.getByTestId("case-status")).toHaveText("erledigt");
    const mail = await waitForMail((m) => m.envelope.to.includes(subjectEmail) && m.text.includes(run), 30_000);
    expect(mail.text).toContain(
      `Unsere eigenen Worte ${run}: Ihre Anfrage ${reference} (Auskunft (Art. 15 DSGVO)) ist beantwortet.`,
    );
    expect(mail.text).toContain(`Die Kopie liegt bereit (${run}).`);
    expect(mail.text).toContain("Mit freundlichen Grüßen");
    expect(mail.html).toContain('lang="de"');
    // The outbox row names the version it was rendered from.
    const row = await e2eDb().outboundMail.findFirstOrThrow({
      where: { request: { reference }, template: "completion" },
      select: { noticeText: { select: { version: true, requestType: true, language: true } } },
    });
    expect(row.noticeText).toEqual({ version: saved, requestType: "access", language: "de" });
    // ... and so does the case file's list of mails.
    await dpo.reload();
    await expect(dpo.getByTestId("case-mails").locator('tr[data-template="completion"]')).toContainText(
      `(Textvorlage access, Version ${saved})`,
    );

    // Back to the default text: a new version; the old one stays readable.
    await dpo.goto(completionPath("de"));
    await dpo.getByRole("button", { name: "Standardtext wiederherstellen" }).click();
    await expect(dpo.getByTestId("template-notice")).toContainText("Der Standardtext gilt wieder");
    await expect(dpo.getByTestId("template-source")).toHaveText(`Aktuell gilt Version ${saved + 1}.`);
    await dpo.getByRole("link", { name: `Version ${saved} ansehen` }).click();
    await expect(dpo.getByTestId("template-old-version")).toContainText(`Unsere eigenen Worte ${run}`);
    await expectAccessible(dpo);
    await dpo.context().close();
  });

  for (const [who, email] of [
    ["the privacy team", teamEmail],
    ["an auditor", "auditor@demo.example"],
  ] as const)
    test(`${who} reads the templates but cannot change them`, async ({ browser }) => {
      const team = await staffPage(browser, email, "/en/backoffice/templates", "en");
      await expect(team.getByRole("heading", { level: 1 })).toHaveText("Text templates");
      await expect(team.getByTestId("templates-read-only")).toHaveText(
        "You can read the templates. Only the data protection officer can change them.",
      );
      await expect(
        team.getByTestId("templates-completion").getByRole("link", { name: /View Completion, Access, German/ }),
      ).toBeVisible();
      await expectAccessible(team);
      await team.goto(completionPath("en"));
      await expect(team.getByRole("heading", { level: 1 })).toHaveText("Completion · Access · German");
      await expect(team.getByTestId("template-body")).toContainText("{{summary}}");
      await expect(team.getByTestId("notice-preview-text")).toBeVisible();
      await expect(team.getByRole("textbox")).toHaveCount(0);
      await expect(team.getByRole("button", { name: /Save|Restore/ })).toHaveCount(0);
      await expectAccessible(team);
      await team.context().close();
    });

  test("without JavaScript the preview still works (a plain form post), and keyboard reaches every control", async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsStaff(page, dpoEmail, "/en/backoffice/templates/message_notice/restriction/en");
    const body = page.getByRole("textbox", { name: "Text", exact: true });
    await body.fill(`Hello,\n\nNo script needed ${run} for {{reference}}.`);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("notice-preview-text")).toContainText(`No script needed ${run} for DSR-2026-000042.`);
    await expect(body).toHaveValue(new RegExp(`No script needed ${run}`));
    // Subject, text, note, then the two buttons, in this order by Tab.
    await page.getByRole("textbox", { name: "Subject line" }).focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.getAttribute("name") ?? ""));
    }
    expect(order).toEqual(["body", "note", "intent", "intent"]);
    expect(
      await e2eDb().noticeTextVersion.count({ where: { action: "message_notice", requestType: "restriction" } }),
    ).toBe(0);
    await context.close();
  });

  test("an admin finds no templates (404): no subject-facing work is theirs", async ({ browser }) => {
    for (const email of ["admin@demo.example"]) {
      const page = await staffPage(browser, email, "/en/backoffice", "en");
      const answer = await page.goto("/en/backoffice/templates");
      expect(answer?.status(), email).toBe(404);
      await page.context().close();
    }
  });
});

async function versions(action: string, requestType: string): Promise<number> {
  return e2eDb().noticeTextVersion.count({ where: { action, requestType, language: "de" } });
}
