// Three case actions of the back office (issue 13) end to end, against the built portal and the SMTP
// sink: a fee for a manifestly unfounded or excessive request (Art. 12(5)(a)), announced by the DPO,
// mailed to the subject, who accepts it on their case page (one case) or withdraws instead (another);
// a completed case reopened with a reason (mailed), and a reopening refused once REOPEN_DAYS have passed
// (the case is aged in the database, not waited for); a request marked as spam, which leaves the default
// queue and is minimised. The requests are this spec's own; no spec makes another active DPO.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { confirmedRequest } from "./support/confirmed-request";
import { e2eDb } from "./support/database";
import { sentMails, waitForMail } from "./support/mailbox";
import { signInByMailedLink } from "./support/sign-in";
import { signInAsStaff } from "./support/staff-sign-in";

const run = Date.now().toString(36);
// The demo DPO: no spec makes another active DPO (e2e/backoffice-staff.spec.ts proves the last one stays).
const dpoEmail = "dpo@demo.example";
const feeReasons = "Your sixth identical access request since October; each was answered in full.";

async function staffPage(browser: Browser, path: string, locale: "de" | "en"): Promise<Page> {
  const context = await browser.newContext({ locale: locale === "en" ? "en-GB" : "de-DE" });
  const page = await context.newPage();
  await signInAsStaff(page, dpoEmail, path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return page;
}

async function subjectPage(browser: Browser, email: string, path: string, locale: "de" | "en"): Promise<Page> {
  const context = await browser.newContext({ locale: locale === "en" ? "en-GB" : "de-DE" });
  const page = await context.newPage();
  await page.goto(path);
  await signInByMailedLink(page, email, locale);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return page;
}

const statusOf = async (reference: string) =>
  (await e2eDb().request.findUniqueOrThrow({ where: { reference }, select: { status: true } })).status;

test.describe.configure({ mode: "serial" });

test("a fee is announced, mailed, and accepted by the subject on their case page (Art. 12(5)(a))", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const subjectEmail = `fee-accept-${run}@example.org`;
  const reference = confirmedRequest(subjectEmail, "en");
  const dpo = await staffPage(browser, `/en/backoffice/requests/${reference}`, "en");
  const form = dpo.getByTestId("case-form-announce_fee");
  await expectAccessible(dpo);

  // Above the bound: refused with the rule, the words kept.
  await form.getByLabel("Fee in euro").fill("5000");
  await form.getByLabel(/Why the request is manifestly unfounded or excessive/).fill(feeReasons);
  await form.getByRole("button", { name: "Announce a fee" }).click();
  await expect(form.getByRole("alert")).toContainText("at most 1,000 euro");
  await expect(form.getByLabel(/Why the request is manifestly unfounded/)).toHaveValue(feeReasons);

  const asked = Date.now();
  await form.getByLabel("Fee in euro").fill("25,50");
  await form.getByRole("button", { name: "Announce a fee" }).click();
  await expect(dpo.getByTestId("case-status")).toHaveText("waiting for the subject's decision on a fee");
  await expect(dpo.getByTestId("case-timeline").locator('[data-event="fee_announced"]')).toContainText("€25.50");

  const mail = await waitForMail(
    (m) => m.envelope.to.includes(subjectEmail) && Date.parse(m.receivedAt) >= asked && m.text.includes("€25.50"),
    30_000,
  );
  expect(mail.text).toContain(feeReasons);
  expect(mail.text).toContain("Art. 12(5) GDPR");
  expect(mail.text).toContain(`/en/my/requests/${reference}`);

  const subject = await subjectPage(browser, subjectEmail, `/en/my/requests/${reference}`, "en");
  const announcement = subject.getByTestId("fee-announcement");
  await expect(announcement).toContainText("€25.50");
  await expect(announcement).toContainText(feeReasons);
  await expect(announcement).toContainText("tell you how to pay");
  await expect(subject.getByTestId("case-summary")).toContainText("waiting for your decision on a fee");
  await expectAccessible(subject);
  const accepted = Date.now();
  await subject.getByTestId("fee-accept").click();
  await expect(subject).toHaveURL(new RegExp(`/en/my/requests/${reference}\\?notice=feeAccepted$`));
  await expect(subject.getByTestId("case-notice")).toContainText("you accepted the fee");
  await expect(subject.getByTestId("case-summary")).toContainText("being worked on");
  await expect(subject.getByTestId("fee-announcement")).toHaveCount(0);
  await expect(subject.getByTestId("timeline").locator('[data-event="fee_accepted"]')).toContainText("€25.50");
  await expectAccessible(subject);
  expect(await statusOf(reference)).toBe("in_progress");

  // Nobody is assigned: the active DPOs hear of it, in their language (the demo DPO's is German).
  await waitForMail(
    (m) =>
      m.envelope.to.includes(dpoEmail) &&
      Date.parse(m.receivedAt) >= accepted &&
      m.subject.includes(reference) &&
      m.subject.includes("Gebühr angenommen"),
    30_000,
  );
  await subject.context().close();
  await dpo.context().close();
});

test("a fee is announced in German and the subject withdraws instead", async ({ browser }) => {
  test.setTimeout(180_000);
  const subjectEmail = `fee-withdraw-${run}@example.org`;
  const reference = confirmedRequest(subjectEmail, "de");
  const dpo = await staffPage(browser, `/de/backoffice/requests/${reference}`, "de");
  const form = dpo.getByTestId("case-form-announce_fee");
  await form.getByLabel("Gebühr in Euro").fill("25");
  await form.getByLabel(/Warum die Anfrage offenkundig unbegründet oder exzessiv ist/).fill(feeReasons);
  await form.getByRole("button", { name: "Gebühr ankündigen" }).click();
  await expect(dpo.getByTestId("case-status")).toHaveText("wartet auf Entscheidung zur Gebühr");
  await expectAccessible(dpo);

  const subject = await subjectPage(browser, subjectEmail, `/de/my/requests/${reference}`, "de");
  await expect(subject.getByTestId("fee-amount")).toContainText("25,00\u00a0€");
  await expectAccessible(subject);
  await subject.getByTestId("fee-withdraw").click();
  await expect(subject).toHaveURL(new RegExp(`/de/my/requests/${reference}/withdraw$`));
  const asked = Date.now();
  await subject.getByRole("button", { name: "Ja, zurückziehen" }).click();
  await expect(subject).toHaveURL(new RegExp(`/de/my/requests/${reference}\\?notice=withdrawn$`));
  await expect(subject.getByTestId("case-summary")).toContainText("zurückgezogen");
  expect(await statusOf(reference)).toBe("withdrawn");
  await waitForMail(
    (m) =>
      m.envelope.to.includes(subjectEmail) && Date.parse(m.receivedAt) >= asked && m.subject.includes("zurückgezogen"),
    30_000,
  );
  await subject.context().close();
  await dpo.context().close();
});

test("a completed case is reopened with a reason (mailed); after REOPEN_DAYS a reopening is refused", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const subjectEmail = `reopen-${run}@example.org`;
  const reference = confirmedRequest(subjectEmail, "en");
  const path = `/en/backoffice/requests/${reference}`;
  const dpo = await staffPage(browser, path, "en");
  const complete = async () => {
    await dpo
      .getByTestId("case-form-complete")
      .getByLabel("Summary for the subject")
      .fill("A copy is on your case page.");
    await dpo.getByTestId("case-form-complete").getByRole("button", { name: "Complete" }).click();
    await expect(dpo.getByTestId("case-status")).toHaveText("completed");
  };
  await dpo.getByTestId("case-form-start_work").getByRole("button", { name: "Start work" }).click();
  await expect(dpo.getByTestId("case-status")).toHaveText("in progress");
  const dueBefore = (await e2eDb().request.findUniqueOrThrow({ where: { reference } })).dueDate;
  await complete();

  const reopen = dpo.getByTestId("case-form-reopen");
  await expect(reopen).toContainText("within 30 days of closing");
  await expectAccessible(dpo);
  const reason = "Our copy left out the newsletter data; we are adding it.";
  const asked = Date.now();
  await reopen.getByLabel("Why the case is reopened").fill(reason);
  await reopen.getByRole("button", { name: "Reopen the case" }).click();
  await expect(dpo.getByTestId("case-status")).toHaveText("in progress");
  await expect(dpo.getByTestId("case-timeline").locator('[data-event="reopened"]')).toContainText(reason);
  const stored = await e2eDb().request.findUniqueOrThrow({ where: { reference } });
  // Art. 12(3) counts from receipt: reopening neither restarts nor moves the period.
  expect(stored.dueDate).toBe(dueBefore);
  expect(stored.closedAt).toBeNull();
  const mail = await waitForMail(
    (m) => m.envelope.to.includes(subjectEmail) && Date.parse(m.receivedAt) >= asked && m.text.includes(reason),
    30_000,
  );
  expect(mail.subject).toContain("again");

  // Closed again, then aged past the window (31 days) in the database rather than waited for.
  await complete();
  await e2eDb().request.update({
    where: { reference },
    data: { closedAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) },
  });
  await dpo.goto(path);
  await dpo.getByTestId("case-form-reopen").getByLabel("Why the case is reopened").fill(reason);
  await dpo.getByTestId("case-form-reopen").getByRole("button", { name: "Reopen the case" }).click();
  await expect(dpo.getByTestId("case-form-error")).toContainText("Too late to reopen");
  await expect(dpo.getByTestId("case-form-error")).toContainText("for 30 days only");
  expect(await statusOf(reference)).toBe("completed");
  await dpo.context().close();
});

test("a request marked as spam leaves the default queue and is minimised; nobody is written to", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const subjectEmail = `spam-${run}@example.org`;
  const reference = confirmedRequest(subjectEmail, "en");
  // The acknowledgement of its confirmation goes out first; after the marking nothing more may follow.
  await waitForMail((m) => m.envelope.to.includes(subjectEmail) && m.subject.includes(reference), 30_000);
  const dpo = await staffPage(browser, `/en/backoffice/requests/${reference}`, "en");
  const asked = Date.now();
  const form = dpo.getByTestId("case-form-mark_spam");
  await form.getByLabel("Internal note (optional)").fill("Advertising for a crypto exchange.");
  await form.getByRole("button", { name: "Mark as spam" }).click();
  await expect(dpo.getByTestId("case-status")).toHaveText("spam (minimised)");
  await expect(dpo.locator("form[data-testid^=case-form]")).toHaveCount(0);

  const stored = await e2eDb().request.findUniqueOrThrow({ where: { reference } });
  expect(stored.status).toBe("spam");
  expect(stored.minimisedAt).not.toBeNull();
  expect(stored.subjectEmail).not.toContain(subjectEmail);
  expect(stored.subjectName).toBeNull();
  expect(stored.subjectUserId).toBeNull();
  expect(stored.details).toEqual({});
  expect(stored.dueAt).toBeNull();

  await dpo.goto(`/en/backoffice?q=${reference}`);
  await expect(dpo.getByTestId("queue-row")).toHaveCount(0);
  await dpo.goto(`/en/backoffice?q=${reference}&hidden=1`);
  const row = dpo.locator(`[data-testid="queue-row"][data-reference="${reference}"]`);
  await expect(row).toContainText("Spam");
  await expectAccessible(dpo);
  // Give the outbox worker time to send anything it had been given: nothing went to the address.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(
    (await sentMails()).filter((m) => m.envelope.to.includes(subjectEmail) && Date.parse(m.receivedAt) >= asked),
  ).toEqual([]);
  await dpo.context().close();
});
