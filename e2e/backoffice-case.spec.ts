// The back office's case file: the DPO opens a request (en and de, axe clean), gives it to the
// privacy team's demo member, who asks the subject; the subject answers on their own case page; the
// DPO extends (the mail carries the reasons and the new due date); the privacy team completes; the
// timeline names every step's actor. A refusal is previewed, then sent with the three Art. 12(4)
// parts. An auditor reads the case and finds no action. The requests are this spec's own (made with
// the domain functions in the portal's database), so the demo requests other specs read stay as seeded.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { waitForMail } from "./support/mailbox";
import { signInByMailedLink } from "./support/sign-in";
import { signInAsStaff } from "./support/staff-sign-in";
import { confirmedRequest } from "./support/confirmed-request";

const run = Date.now().toString(36);

/** A confirmed request of this spec's own, by a subject with an account (scripts/test/confirmed-request.ts). */
async function staffUser(email: string, role: "auditor", name: string): Promise<void> {
  await e2eDb().user.create({ data: { email, role, name, locale: "en" } });
}

async function signedIn(
  browser: Browser,
  email: string,
  path: string,
  locale: "de" | "en" = "en",
  javaScriptEnabled = true,
): Promise<Page> {
  const context = await browser.newContext({ locale: locale === "en" ? "en-GB" : "de-DE", javaScriptEnabled });
  const page = await context.newPage();
  const account = await e2eDb().user.findUnique({ where: { email }, select: { role: true } });
  if (account?.role) {
    // Staff: a session with its second factor proven (signing in itself is e2e/backoffice-sign-in.spec.ts).
    await signInAsStaff(page, email, path);
  } else {
    await page.goto(path);
    await signInByMailedLink(page, email, locale);
  }
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/]/g, "\\/")}$`));
  return page;
}

test.describe.configure({ mode: "serial" });

test.describe("a case from assignment to completion", () => {
  const subjectEmail = `case-subject-${run}@example.org`;
  // The demo DPO: no spec makes another active DPO (e2e/backoffice-staff.spec.ts proves the last one stays).
  const dpoEmail = "dpo@demo.example";
  let reference = "";

  test.beforeAll(async () => {
    reference = confirmedRequest(subjectEmail, "en");
  });

  test("DPO assigns, team asks, subject answers, DPO extends, team completes; the timeline names each actor", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const casePath = (locale: "de" | "en") => `/${locale}/backoffice/requests/${reference}`;

    // The DPO opens the case file in English and in German.
    const dpo = await signedIn(browser, dpoEmail, casePath("en"));
    await expect(dpo.getByRole("heading", { level: 1 })).toContainText(reference);
    await expect(dpo.getByTestId("subject-masked")).toContainText(`c***@example.org`);
    await expect(dpo.getByTestId("case-fulfilment")).toBeVisible();
    await expect(dpo.getByTestId("case-deadline")).toContainText("One month from receipt");
    await expectAccessible(dpo);
    await dpo.goto(casePath("de"));
    await expect(dpo.getByTestId("case-deadline")).toContainText("Ein Monat nach Eingang");
    await expectAccessible(dpo);
    await dpo.goto(casePath("en"));

    // Assign to the privacy team's demo member.
    const assign = dpo.getByTestId("case-form-assign");
    await assign.getByLabel("Assign to").selectOption({ label: "Paul Neumann (Privacy team)" });
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(dpo.getByTestId("case-done")).toBeVisible();
    await expect(dpo.getByTestId("case-assignee")).toHaveText("Paul Neumann");

    // The privacy team asks for information; a too short question is refused, and the words stay.
    const team = await signedIn(browser, "privacy@demo.example", casePath("en"));
    await expect(team.getByTestId("case-form-extend")).toHaveCount(0);
    await expect(team.getByTestId("case-form-refuse")).toHaveCount(0);
    const ask = team.getByTestId("case-form-request_information");
    await ask.getByLabel("Message to the subject").fill("Number?");
    await ask.getByRole("button", { name: "Ask the subject" }).click();
    await expect(ask.getByRole("alert")).toHaveText("Please write a little more.");
    await expect(ask.getByLabel("Message to the subject")).toHaveValue("Number?");
    await ask
      .getByLabel("Message to the subject")
      .fill("Please tell us your customer number (it is on every invoice).");
    await ask.getByRole("button", { name: "Ask the subject" }).click();
    await expect(team.getByTestId("case-status")).toHaveText("waiting for the subject");
    await expectAccessible(team);

    // The subject answers on their own case page.
    const subject = await signedIn(browser, subjectEmail, `/en/my/requests/${reference}`);
    const answer = subject.getByTestId("answer-form");
    await answer.getByLabel("Your answer").fill("It is 4711.");
    await answer.getByRole("button", { name: "Send answer" }).click();
    await expect(subject.getByTestId("case-notice")).toBeVisible();
    await subject.context().close();

    // The DPO extends (the page is stale now: the first try meets the optimistic lock).
    const extend = dpo.getByTestId("case-form-extend");
    const reason = "Your data are spread over four systems run by two processors.";
    await extend.getByLabel("Reasons for the extension").fill(reason);
    await extend.getByRole("button", { name: "Extend the deadline" }).click();
    await expect(extend.getByTestId("case-form-error")).toContainText("changed meanwhile by someone else");
    await expect(extend.getByLabel("Reasons for the extension")).toHaveValue(reason);
    await dpo.goto(casePath("en"));
    const asked = Date.now();
    await dpo.getByTestId("case-form-extend").getByLabel("Reasons for the extension").fill(reason);
    await dpo.getByTestId("case-form-extend").getByRole("button", { name: "Extend the deadline" }).click();
    await expect(dpo.getByTestId("case-done")).toBeVisible();
    const stored = await e2eDb().request.findUniqueOrThrow({ where: { reference } });
    expect(stored.extendedAt).not.toBeNull();
    const notice = await waitForMail(
      (m) => m.envelope.to.includes(subjectEmail) && Date.parse(m.receivedAt) >= asked && m.text.includes(reason),
      30_000,
    );
    const due = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${stored.dueDate}T00:00:00Z`));
    expect(notice.text).toContain(due);
    // A second extension is refused with the Art. 12(3) reason.
    await expect(dpo.getByTestId("case-form-extend")).toBeVisible();
    await dpo.getByTestId("case-form-extend").getByLabel("Reasons for the extension").fill(reason);
    await dpo.getByTestId("case-form-extend").getByRole("button", { name: "Extend the deadline" }).click();
    await expect(dpo.getByTestId("case-form-error")).toContainText("Art. 12(3) allows one extension only");

    // The privacy team completes.
    await team.goto(casePath("en"));
    const complete = team.getByTestId("case-form-complete");
    await complete.getByLabel("Summary for the subject").fill("A copy of your data is attached to your case page.");
    await complete.getByRole("button", { name: "Complete" }).click();
    await expect(team.getByTestId("case-status")).toHaveText("completed");

    const timeline = team.getByTestId("case-timeline");
    const step = (event: string) => timeline.locator(`[data-event="${event}"]`);
    await expect(step("assigned")).toContainText("Dana Berger");
    await expect(step("assigned")).toContainText("Paul Neumann");
    await expect(step("information_requested")).toContainText("Paul Neumann");
    await expect(step("subject_responded")).toContainText("by the subject");
    await expect(step("extended")).toContainText("Dana Berger");
    await expect(step("completed")).toContainText("Paul Neumann");
    await expectAccessible(team);
    await team.context().close();
    await dpo.context().close();
  });
});

test.describe("a refusal and an auditor", () => {
  const subjectEmail = `refused-${run}@example.org`;
  const dpoEmail = "dpo@demo.example";
  const auditorEmail = `auditor-${run}@demo.example`;
  let reference = "";

  test.beforeAll(async () => {
    reference = confirmedRequest(subjectEmail, "de");
    await staffUser(auditorEmail, "auditor", "Udo Audit");
  });

  test("the refusal is previewed, then sent with reasons, complaint right and judicial remedy", async ({ browser }) => {
    test.setTimeout(120_000);
    const path = `/de/backoffice/requests/${reference}`;
    const dpo = await signedIn(browser, dpoEmail, path, "de");
    const refuse = dpo.getByTestId("case-form-refuse");
    await refuse.getByRole("button", { name: "Bescheid ansehen" }).click();
    await expect(refuse.getByText("Art. 12 Abs. 4: Nennen Sie die Gründe (mindestens 20 Zeichen).")).toBeVisible();
    await refuse.getByLabel("Exzessiv, z. B. wiederholt (Art. 12 Abs. 5)").check();
    const reasons =
      "Dies ist Ihre fünfte gleichlautende Anfrage in diesem Monat; wir haben am 3. November geantwortet.";
    await refuse.getByLabel("Gründe (Art. 12 Abs. 4)").fill(reasons);
    await refuse.getByRole("button", { name: "Bescheid ansehen" }).click();
    const preview = refuse.getByTestId("notice-preview");
    await expect(preview).toContainText("fünfte gleichlautende Anfrage");
    await expect(preview).toContainText("LDI NRW");
    await expect(preview).toContainText("Art. 79");
    await expectAccessible(dpo);
    expect((await e2eDb().request.findUniqueOrThrow({ where: { reference } })).status).toBe("received");
    const asked = Date.now();
    await refuse.getByRole("button", { name: "Bescheid senden" }).click();
    await expect(dpo.getByTestId("case-status")).toHaveText("abgelehnt");
    const mail = await waitForMail(
      (m) => m.envelope.to.includes(subjectEmail) && Date.parse(m.receivedAt) >= asked && m.text.includes(reasons),
      30_000,
    );
    expect(mail.text).toContain("Aufsichtsbehörde"); // Art. 77
    expect(mail.text).toContain("LDI NRW");
    expect(mail.text).toContain("gerichtlich"); // Art. 79
    await dpo.context().close();
  });

  test("an auditor reads the case and finds no action", async ({ browser }) => {
    test.setTimeout(90_000);
    const path = `/en/backoffice/requests/${reference}`;
    const auditor = await signedIn(browser, auditorEmail, path);
    await expect(auditor.getByTestId("case-timeline").locator('[data-event="refused"]')).toContainText("Dana Berger");
    await expect(auditor.getByTestId("case-no-actions")).toHaveText(
      "As an auditor you read the case; you change nothing.",
    );
    await expect(auditor.locator("form[data-testid^=case-form]")).toHaveCount(0);
    await expectAccessible(auditor);
    await auditor.context().close();
  });

  test("without JavaScript: an internal note on the closed case, its error first, the words kept", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const path = `/en/backoffice/requests/${reference}`;
    const dpo = await signedIn(browser, dpoEmail, path, "en", false);
    const note = dpo.getByTestId("case-form-add_note");
    await note.getByRole("button", { name: "Add an internal note" }).click();
    await expect(dpo.getByTestId("case-form-add_note").getByRole("alert")).toHaveText("Please fill this in.");
    const words = "Phoned her: she accepts the refusal and will not complain.";
    await dpo.getByTestId("case-form-add_note").getByLabel("Note").fill(words);
    await dpo.getByTestId("case-form-add_note").getByRole("button", { name: "Add an internal note" }).click();
    await expect(dpo.getByTestId("case-done")).toBeVisible();
    await expect(dpo.getByTestId("case-notes")).toContainText(words);
    await expect(dpo.getByTestId("case-timeline").locator('[data-event="note_added"]')).toContainText("Dana Berger");
    // axe needs the page's JavaScript; the same page is checked with it in the tests above.
    await dpo.context().close();
  });
});

test("the DPO's alert mail about a new request links to its case file, which opens once signed in", async ({
  browser,
}) => {
  const asked = Date.now();
  const reference = confirmedRequest(`alert-${run}@example.org`, "en");
  // Nobody is assigned yet: the active DPOs are alerted, in their language (the demo DPO's is German).
  const mail = await waitForMail(
    (m) =>
      m.envelope.to.includes("dpo@demo.example") && m.subject.includes(reference) && Date.parse(m.receivedAt) >= asked,
    30_000,
  );
  const link = /https?:\/\/\S+\/(?:de|en)\/backoffice\/requests\/DSR-\d{4}-\d{6}/.exec(mail.text)?.[0];
  expect(link, mail.text).toContain(`/backoffice/requests/${reference}`);
  const path = new URL(link!).pathname;
  // Signed out, the link leads to sign-in and back; signed in (second factor proven), to the case file.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signInAsStaff(page, "dpo@demo.example", path);
  await expect(page.getByTestId("case-file")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await context.close();
});
