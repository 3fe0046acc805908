// Issue 13's main back-office scenario, in one go, in German and in English: a data subject files a
// request on the public form and confirms it from the mail (Art. 12(3): the clock starts); the DPO
// signs in for real (the mailed link, then the TOTP code) and filters the queue down to exactly that
// request, opens it and assigns it to the privacy team; the privacy team asks the subject for
// information (Art. 12(6)); the subject answers on their case page; the DPO extends (Art. 12(3)) with
// reasons, and the mail carries them and the new due date the deadline engine gives; the privacy team
// completes, and the subject sees it; the timeline names every step's actor; an auditor reads the case
// and finds nothing to act with. axe checks every back-office page on the way. The demo staff are
// the seeded ones (no spec makes another active DPO: e2e/backoffice-staff.spec.ts proves the last one stays).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { computeDeadline } from "../lib/deadlines";
import { formatDay } from "../lib/format";
import { pausesOf } from "../lib/requests/pauses-of";
import type { RequestType } from "../lib/requests/request-types";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { portalDeadlinePolicy } from "./support/deadlines";
import { waitForMail } from "./support/mailbox";
import { confirmationMail, fileRequest } from "./support/request-form";
import { confirmDemoStaffCode } from "./support/second-factor";
import { followMailedLink, mailedLink, signInByMailedLink } from "./support/sign-in";
import { signInAsStaff } from "./support/staff-sign-in";

const dpoEmail = "dpo@demo.example";
const teamEmail = "privacy@demo.example";
const auditorEmail = "auditor@demo.example";

/** What the pages say, as the message files have it (lib/i18n/messages/…). */
const words = {
  en: {
    type: "restriction" as RequestType,
    typeLabel: "Restriction (Art. 18)",
    totpTitle: "Confirm it's you",
    received: "Received",
    search: "Reference or exact e-mail address",
    show: "Show",
    assignTo: "Assign to",
    teamOption: "Paul Neumann (Privacy team)",
    assign: "Assign",
    message: "Message to the subject",
    ask: "Ask the subject",
    waiting: "waiting for the subject",
    answerLabel: "Your answer",
    sendAnswer: "Send answer",
    extendReason: "Reasons for the extension",
    extend: "Extend the deadline",
    summary: "Summary for the subject",
    complete: "Complete",
    completed: "completed",
    subjectCompleted: "completed",
    extensionSubject: "More time for your request",
    newDue: "New due date:",
    assignedTo: "Assigned to Paul Neumann",
    by: (who: string) => `by ${who}`,
    subject: "the subject",
    dpo: "Dana Berger <dpo@demo.example> (Data protection officer)",
    team: "Paul Neumann <privacy@demo.example> (Privacy team)",
    auditorNote: "As an auditor you read the case; you change nothing.",
    question: "Please tell us which of your accounts the restriction is about (the customer number is enough).",
    answer: "It is customer number 4711.",
    reason: "Your data are spread over four systems run by two processors; collecting them takes longer.",
    done: "Your data in all four systems are restricted; we will tell you before the restriction ends.",
  },
  de: {
    type: "erasure" as RequestType,
    typeLabel: "Löschung (Art. 17)",
    totpTitle: "Bestätigen Sie, dass Sie es sind",
    received: "Eingegangen",
    search: "Aktenzeichen oder genaue E-Mail-Adresse",
    show: "Anzeigen",
    assignTo: "Zuweisen an",
    teamOption: "Paul Neumann (Datenschutzteam)",
    assign: "Zuweisen",
    message: "Nachricht an die betroffene Person",
    ask: "Bei der betroffenen Person nachfragen",
    waiting: "wartet auf die betroffene Person",
    answerLabel: "Ihre Antwort",
    sendAnswer: "Antwort senden",
    extendReason: "Gründe für die Verlängerung",
    extend: "Frist verlängern",
    summary: "Zusammenfassung für die betroffene Person",
    complete: "Erledigen",
    completed: "erledigt",
    subjectCompleted: "erledigt",
    extensionSubject: "Mehr Zeit für Ihre Anfrage",
    newDue: "Neue Frist:",
    assignedTo: "Zugewiesen an Paul Neumann",
    by: (who: string) => `von ${who}`,
    subject: "der betroffenen Person",
    dpo: "Dana Berger <dpo@demo.example> (Datenschutzbeauftragte(r))",
    team: "Paul Neumann <privacy@demo.example> (Datenschutzteam)",
    auditorNote: "Als Prüferin oder Prüfer lesen Sie den Vorgang; Sie ändern nichts.",
    question: "Bitte nennen Sie uns Ihre Kundennummer, damit wir alle Ihre Konten finden.",
    answer: "Meine Kundennummer ist 4711.",
    reason: "Ihre Daten liegen in vier Systemen bei zwei Auftragsverarbeitern; sie alle zu löschen dauert länger.",
    done: "Ihre Daten sind in allen vier Systemen gelöscht; die Auftragsverarbeiter haben es bestätigt.",
  },
} as const;

async function browserIn(browser: Browser, locale: "de" | "en"): Promise<Page> {
  const context = await browser.newContext({ locale: locale === "de" ? "de-DE" : "en-GB" });
  return context.newPage();
}

for (const locale of ["de", "en"] as const) {
  const w = words[locale];

  test(`${locale}: filed and confirmed, signed in, queued, assigned, asked, answered, extended, completed, audited`, async ({
    browser,
  }) => {
    // Four people, nine mails, a TOTP step that may wait for the next 30-second step, axe on every page.
    test.setTimeout(300_000);
    const subjectEmail = `scenario-${locale}-${Date.now().toString(36)}@example.org`;

    // 1. The subject files the request on the public form and confirms it with the mailed link.
    const subject = await browserIn(browser, locale);
    const sent = await fileRequest(subject, locale, w.type, subjectEmail);
    await followMailedLink(subject, mailedLink((await confirmationMail(subjectEmail, locale, sent)).text));
    await expect(subject).toHaveURL(new RegExp(`/${locale}/my/requests/DSR-\\d{4}-\\d{6}\\?notice=confirmed$`));
    const reference = /DSR-\d{4}-\d{6}/.exec(subject.url())![0];
    const casePath = `/${locale}/backoffice/requests/${reference}`;
    const subjectPath = `/${locale}/my/requests/${reference}`;

    // 2. The DPO opens the back office, is sent to sign in, follows the mailed link and types the code.
    const dpo = await browserIn(browser, locale);
    await dpo.goto(`/${locale}/backoffice`);
    await expect(dpo).toHaveURL(new RegExp(`/${locale}/sign-in\\?callbackUrl=`));
    await signInByMailedLink(dpo, dpoEmail, locale);
    await expect(dpo).toHaveURL(new RegExp(`/${locale}/backoffice/second-factor\\?`));
    await expect(dpo.getByRole("heading", { level: 1 })).toHaveText(w.totpTitle);
    await expectAccessible(dpo);
    await confirmDemoStaffCode(dpo, dpoEmail, locale);
    await expect(dpo).toHaveURL(new RegExp(`/${locale}/backoffice$`));
    await expect(dpo.getByTestId("queue-page")).toBeVisible();
    await expectAccessible(dpo);

    // 3. The queue filtered by status, type and the subject's address: exactly the new request.
    const filters = dpo.getByTestId("queue-filters");
    await filters.getByRole("checkbox", { name: w.received, exact: true }).check();
    await filters.getByRole("checkbox", { name: w.typeLabel, exact: true }).check();
    await filters.getByLabel(w.search).fill(subjectEmail);
    await filters.getByRole("button", { name: w.show, exact: true }).click();
    await expect(dpo).toHaveURL(/[?&]status=received(&|$)/);
    await expect(dpo).toHaveURL(new RegExp(`[?&]type=${w.type}(&|$)`));
    const rows = dpo.getByTestId("queue-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-reference", reference);
    await expect(rows.first()).toContainText(w.typeLabel);
    await expectAccessible(dpo);
    await rows.first().getByRole("link", { name: reference }).click();
    await expect(dpo).toHaveURL(new RegExp(`${casePath}$`));
    await expect(dpo.getByRole("heading", { level: 1 })).toContainText(reference);
    await expectAccessible(dpo);
    const assign = dpo.getByTestId("case-form-assign");
    await assign.getByLabel(w.assignTo).selectOption({ label: w.teamOption });
    await assign.getByRole("button", { name: w.assign, exact: true }).click();
    await expect(dpo.getByTestId("case-done")).toBeVisible();
    await expect(dpo.getByTestId("case-assignee")).toHaveText("Paul Neumann");
    await expectAccessible(dpo);

    // 4. The privacy team opens the case and asks the subject (Art. 12(6)).
    const team = await browserIn(browser, locale);
    await signInAsStaff(team, teamEmail, casePath);
    await expect(team.getByTestId("case-assignee")).toHaveText("Paul Neumann");
    const ask = team.getByTestId("case-form-request_information");
    await ask.getByLabel(w.message).fill(w.question);
    await ask.getByRole("button", { name: w.ask, exact: true }).click();
    await expect(team.getByTestId("case-status")).toHaveText(w.waiting);
    await expectAccessible(team);

    // 5. The subject, still signed in from the confirmation, answers the question on their case page.
    await subject.goto(subjectPath);
    await expect(subject.getByTestId("open-question")).toContainText(w.question);
    const answer = subject.getByTestId("answer-form");
    await answer.getByLabel(w.answerLabel).fill(w.answer);
    await answer.getByRole("button", { name: w.sendAnswer, exact: true }).click();
    await expect(subject.getByTestId("case-notice")).toBeVisible();
    await expect(subject.getByTestId("open-question")).toHaveCount(0);

    // 6. The DPO extends with reasons; the mail names them and the due date the engine gives.
    await dpo.goto(casePath);
    const extend = dpo.getByTestId("case-form-extend");
    await extend.getByLabel(w.extendReason).fill(w.reason);
    const extendedAt = Date.now();
    await extend.getByRole("button", { name: w.extend, exact: true }).click();
    await expect(dpo.getByTestId("case-done")).toBeVisible();
    const stored = await e2eDb().request.findUniqueOrThrow({ where: { reference } });
    const expected = computeDeadline(
      { receivedAt: stored.receivedAt!, extended: true, pauses: await pausesOf(e2eDb(), stored.id) },
      portalDeadlinePolicy,
    );
    expect(stored.dueDate).toBe(expected.due);
    const due = formatDay(expected.due, locale);
    const notice = await waitForMail(
      (m) =>
        m.envelope.to.includes(subjectEmail) &&
        m.subject.startsWith(`${w.extensionSubject} ${reference}`) &&
        Date.parse(m.receivedAt) >= extendedAt - 1000,
      30_000,
    );
    expect(notice.text).toContain(w.reason);
    expect(notice.text).toContain(due);
    await expect(dpo.getByTestId("case-timeline").locator('[data-event="extended"]')).toContainText(
      `${w.newDue} ${due}`,
    );
    await expectAccessible(dpo);
    // The subject's page promises the same day as the mail.
    await subject.goto(subjectPath);
    await expect(subject.getByTestId("due-date")).toHaveText(due);

    // 7. The privacy team completes with a message; the subject sees the completion.
    await team.goto(casePath);
    const complete = team.getByTestId("case-form-complete");
    await complete.getByLabel(w.summary).fill(w.done);
    await complete.getByRole("button", { name: w.complete, exact: true }).click();
    await expect(team.getByTestId("case-status")).toHaveText(w.completed);
    await subject.goto(subjectPath);
    await expect(subject.getByTestId("case-summary")).toContainText(w.subjectCompleted);
    await expect(subject.getByTestId("timeline").locator('[data-event="completed"]')).toContainText(w.done);
    await expectAccessible(subject);

    // 8. The case file's timeline: every step, in order, each with its actor as the page names them.
    await team.reload();
    const timeline = team.getByTestId("case-timeline");
    const steps: [string, string][] = [
      ["verified", w.subject],
      ["assigned", w.dpo],
      ["information_requested", w.team],
      ["subject_responded", w.subject],
      ["extended", w.dpo],
      ["completed", w.team],
    ];
    for (const [event, who] of steps) {
      const step = timeline.locator(`[data-event="${event}"]`);
      await expect(step).toHaveCount(1);
      await expect(step.getByTestId("timeline-actor")).toHaveText(w.by(who));
    }
    await expect(timeline.locator('[data-event="assigned"]')).toContainText(w.assignedTo);
    await expect(timeline.locator('[data-event="completed"]')).toContainText(w.done);
    const order = await timeline.locator("[data-event]").evaluateAll((items) => items.map((i) => i.dataset.event));
    expect(order.filter((event) => steps.some(([step]) => step === event))).toEqual(steps.map(([event]) => event));
    await expectAccessible(team);

    // 9. An auditor reads the same case and finds no way to change it.
    const auditor = await browserIn(browser, locale);
    await signInAsStaff(auditor, auditorEmail, casePath);
    await expect(auditor.getByRole("heading", { level: 1 })).toContainText(reference);
    await expect(auditor.getByTestId("case-status")).toHaveText(w.completed);
    await expect(auditor.getByTestId("case-timeline").locator('[data-event="completed"]')).toContainText(w.done);
    await expect(auditor.getByTestId("case-no-actions")).toHaveText(w.auditorNote);
    await expect(auditor.getByTestId("case-actions").locator("form, button")).toHaveCount(0);
    await expect(auditor.locator("form[data-testid^=case-form]")).toHaveCount(0);
    await expectAccessible(auditor);

    for (const page of [subject, dpo, team, auditor]) await page.context().close();
  });
}
