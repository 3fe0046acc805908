// Demo data for `npm start`: the back-office team of the demo controller and a few
// requests in different states, made through the real workflow (so their audit
// chains, deadlines and mails are genuine). Runs once per database: the AppMeta
// marker is claimed first, so two starts at once cannot both seed. In demo mode the staff are
// enrolled in the TOTP second factor already, with secrets `npm run -s totp` can compute.
import { normaliseEmail } from "../lib/auth/adapter";
import { enrolDemoStaff } from "../lib/backoffice/second-factor/enrol-demo-staff";
import type { SecondFactorKeys } from "../lib/backoffice/second-factor/second-factor-keys";
import type { Db } from "../lib/db/client";
import { seedDemoPlatform } from "../lib/fulfilment/demo-platform/seed";
import type { RequestSettings } from "../lib/requests/request-settings";
import { submitRequest, type SubmitInput } from "../lib/requests/submit-request";
import { transitionRequest } from "../lib/requests/transition-request";
import type { Actor } from "../lib/requests/workflow/actor";
import type { Command } from "../lib/requests/workflow/commands";
import { DEMO_SEEDED_KEY, demoAccounts, demoSubjects } from "./demo-people";
import { seedDemoConnectors } from "./demo-connectors";

export { DEMO_SEEDED_KEY, demoAccounts, demoSubjects };

const DAY = 24 * 60 * 60 * 1000;

interface DemoStep {
  daysAgo: number;
  by: "subject" | "dpo" | "team";
  command: Command;
}

interface DemoRequest {
  subject: (typeof demoSubjects)[number];
  submitted: Pick<SubmitInput, "type" | "details">;
  daysAgo: number;
  steps: DemoStep[];
}

const verify: Command = { name: "verify", input: {} };

const demoRequests: DemoRequest[] = [
  {
    subject: demoSubjects[0],
    submitted: { type: "access", details: { scope: "all", copy: true } },
    daysAgo: 20,
    steps: [
      { daysAgo: 20, by: "subject", command: verify },
      { daysAgo: 19, by: "team", command: { name: "start_work", input: {} } },
    ],
  },
  {
    subject: demoSubjects[1],
    submitted: { type: "erasure", details: { scope: "all", ground: "b" } },
    daysAgo: 35,
    steps: [
      { daysAgo: 35, by: "subject", command: verify },
      { daysAgo: 34, by: "team", command: { name: "start_work", input: {} } },
      {
        daysAgo: 25,
        by: "dpo",
        command: {
          name: "extend",
          input: {
            reason:
              "Ihre Daten liegen in drei Systemen bei zwei Auftragsverarbeitern, die die Löschung jeweils bestätigen müssen.",
          },
        },
      },
    ],
  },
  {
    subject: demoSubjects[2],
    submitted: { type: "objection", details: { target: "direct_marketing" } },
    daysAgo: 3,
    steps: [
      { daysAgo: 3, by: "subject", command: verify },
      { daysAgo: 2, by: "team", command: { name: "start_work", input: {} } },
      {
        daysAgo: 1,
        by: "team",
        command: {
          name: "complete",
          input: { summary: "Your address is on our block list: we will send you no more marketing." },
        },
      },
    ],
  },
  {
    // The team cannot tell which customer account is his: it asks (Art. 12(6)) and waits for the answer.
    subject: demoSubjects[3],
    submitted: { type: "access", details: { scope: "all", copy: true } },
    daysAgo: 12,
    steps: [
      { daysAgo: 12, by: "subject", command: verify },
      { daysAgo: 11, by: "team", command: { name: "start_work", input: {} } },
      {
        daysAgo: 10,
        by: "team",
        command: {
          name: "request_information",
          input: {
            reason: "clarification",
            message:
              "Unter Ihrer Adresse finden wir zwei Kundenkonten. Bitte nennen Sie uns die Kundennummer des Kontos, um das es geht (sie steht oben auf jeder Rechnung).",
          },
        },
      },
    ],
  },
  {
    subject: demoSubjects[4],
    submitted: { type: "portability", details: { format: "json" } },
    daysAgo: 8,
    steps: [
      { daysAgo: 8, by: "subject", command: verify },
      { daysAgo: 7, by: "team", command: { name: "start_work", input: {} } },
      {
        daysAgo: 5,
        by: "team",
        command: {
          name: "send_message",
          input: {
            message:
              "We are collecting your data from our shop and our newsletter system. You will receive one JSON file for both.",
          },
        },
      },
    ],
  },
];

/**
 * Seeds the demo data unless this database already has them. Returns whether it seeded. With
 * `demoSecondFactor` (PORTAL_MODE=demo only: anyone with NEXTAUTH_SECRET can compute the codes), the
 * staff are enrolled in the second factor with their demo secrets.
 */
export async function seedDemoData(
  db: Db,
  settings: RequestSettings,
  now = new Date(),
  demoSecondFactor?: SecondFactorKeys,
): Promise<boolean> {
  try {
    await db.appMeta.create({ data: { key: DEMO_SEEDED_KEY, value: now.toISOString() } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false; // seeded already, or being seeded
    throw error;
  }
  const staff: Record<"dpo" | "team", Actor> = {} as never;
  const staffUsers: Array<{ id: string; email: string }> = [];
  for (const account of demoAccounts) {
    // Accounts are stored in the canonical form that sign-in looks them up by (lib/input/email-address.ts).
    const email = normaliseEmail(account.email);
    const user = await db.user.upsert({
      where: { email },
      update: {},
      create: { email, name: account.name, role: account.role, locale: "de" },
    });
    staffUsers.push({ id: user.id, email });
    if (account.role === "dpo") staff.dpo = { type: "staff", userId: user.id, role: "dpo" };
    if (account.role === "privacy_team") staff.team = { type: "staff", userId: user.id, role: "privacy_team" };
  }
  if (demoSecondFactor) await enrolDemoStaff(db, staffUsers, demoSecondFactor, now);
  // The controller's product data the demo requests are fulfilled from (lib/fulfilment/demo-platform).
  await seedDemoPlatform(db, now);
  await seedDemoConnectors(db, now);
  for (const request of demoRequests) {
    const email = normaliseEmail(request.subject.email);
    const subject = await db.user.upsert({
      where: { email },
      update: {},
      create: { email, name: request.subject.name, locale: request.subject.locale },
    });
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    const submitted = await submitRequest(
      db,
      {
        ...request.submitted,
        subjectEmail: request.subject.email,
        subjectName: request.subject.name,
        language: request.subject.locale,
        statementVersion: "2023-07",
      },
      at(request.daysAgo),
    );
    if (!submitted.ok) throw new Error(`demo request: ${submitted.issues.join("; ")}`);
    for (const step of request.steps) {
      const actor: Actor = step.by === "subject" ? { type: "subject", userId: subject.id } : staff[step.by];
      const result = await transitionRequest(
        db,
        { requestId: submitted.id, actor, command: step.command },
        settings,
        at(step.daysAgo),
      );
      if (!result.ok) throw new Error(`demo request ${submitted.reference}: ${JSON.stringify(result.error)}`);
    }
  }
  return true;
}
