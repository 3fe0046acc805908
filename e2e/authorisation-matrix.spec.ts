// The authorisation matrix (issue 13): every door of the back office (lib/backoffice/access/surface.ts:
// pages, server actions, routes) tried by every kind of visitor, over HTTP against the built portal.
// Each must meet exactly the outcome the table promises; where it promises no entry, the rows the door
// would change are compared before and after: a refused visitor changes nothing. Server actions are
// called the way a browser's React calls them (a POST with the Next-Action header and React's reply
// encoding), with valid input, so an action that forgot to check its visitor would act.
// The build's own manifests list every back-office page and action: one missing from the table fails.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { writeAttachmentFile, newStorageKey } from "../lib/attachments/attachment-files";
import { createSession } from "../lib/auth/sessions/create-session";
import { sessionCookie } from "../lib/auth/sessions/session-cookie";
import { DEFAULT_SESSION_POLICY } from "../lib/auth/sessions/session-policy";
import {
  doorLabel,
  doors,
  expectedOutcome,
  viewers,
  type Door,
  type Outcome,
  type Viewer,
} from "../lib/backoffice/access/surface";
import { confirmedRequest } from "./support/confirmed-request";
import { e2eDb } from "./support/database";
import { E2E_PORT, E2E_WORK_DIR } from "./support/environment";

test.describe.configure({ mode: "serial" });

const root = path.resolve(import.meta.dirname, "..");
const base = `http://127.0.0.1:${E2E_PORT}`;
const cookieName = sessionCookie(base).name;
const run = Date.now().toString(36);

interface ActionEntry {
  exportedName: string;
  filename: string;
  workers: Record<string, unknown>;
}
const actionManifest = JSON.parse(
  fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
) as { node: Record<string, ActionEntry> };
const pageManifest = JSON.parse(
  fs.readFileSync(path.join(root, ".next/server/app-paths-manifest.json"), "utf8"),
) as Record<string, string>;

/** The people behind each kind of visitor (demo staff keep their roles: nothing here changes them). */
const people = {
  subject: "max.mueller@demo.example",
  admin: "admin@demo.example",
  auditor: "auditor@demo.example",
  privacy_team: "privacy@demo.example",
  dpo: "dpo@demo.example",
  second_factor_pending: "dpo@demo.example",
  deactivated: `matrix-deactivated-${run}@demo.example`,
} as const;

interface Fixture {
  request: { id: string; reference: string };
  attachmentId: string;
  target: { id: string };
  privacyTeamId: string;
  /** A dead-lettered, optional fulfilment task of the request (optional: it never blocks completing it). */
  task: { id: string };
}
let fixture: Fixture;
/** The fixture task's version as the form would carry it, read before each visit. */
let taskVersion = 0;

test.beforeAll(async () => {
  const db = e2eDb();
  await db.user.create({ data: { email: people.deactivated, role: "dpo", deactivatedAt: new Date() } });
  const reference = confirmedRequest(`matrix-subject-${run}@example.org`, "en");
  const request = await db.request.findUniqueOrThrow({ where: { reference }, select: { id: true, reference: true } });
  // A file of the request's, as an upload leaves it: the bytes under DATA_DIR, the row with their digest.
  const bytes = Buffer.from("%PDF-1.4 matrix\n");
  const storageKey = newStorageKey();
  await writeAttachmentFile(path.join(E2E_WORK_DIR, "data/attachments"), storageKey, bytes);
  const attachment = await db.attachment.create({
    data: {
      requestId: request.id,
      fileName: "id-card.pdf",
      contentType: "application/pdf",
      size: bytes.length,
      sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      uploadedBy: "subject",
    },
  });
  const target = await db.user.create({ data: { email: `matrix-target-${run}@demo.example`, role: "privacy_team" } });
  const team = await db.user.findUniqueOrThrow({ where: { email: people.privacy_team } });
  const connector = await db.connector.create({
    data: {
      key: `matrix-${run}`,
      kind: "manual",
      name: "Matrix archive",
      config: { instructions: { de: "Prüfen.", en: "Check." } },
      registerEntries: ["registration"],
      required: false,
      enabled: false,
    },
  });
  const task = await db.fulfilmentTask.create({
    data: {
      requestId: request.id,
      connectorId: connector.id,
      step: "export",
      system: connector.key,
      title: "export: Matrix archive",
      required: false,
      status: "dead_lettered",
      attempts: 8,
      lastError: "timeout",
    },
  });
  fixture = {
    request: { id: request.id, reference: request.reference },
    attachmentId: attachment.id,
    target,
    privacyTeamId: team.id,
    task: { id: task.id },
  };
});

/** A fresh session cookie for `viewer` (null: signed out); staff sessions have proven the second factor just now. */
async function cookieFor(viewer: Viewer): Promise<string | null> {
  if (viewer === "signed_out") return null;
  const db = e2eDb();
  const user = await db.user.findUniqueOrThrow({ where: { email: people[viewer] }, select: { id: true, role: true } });
  const now = new Date();
  const session = await createSession(db, user, DEFAULT_SESSION_POLICY, now);
  if (user.role && viewer !== "second_factor_pending") {
    await db.session.updateMany({
      where: { userId: user.id, secondFactorAt: null, createdAt: now },
      data: { secondFactorAt: now },
    });
  }
  return `${cookieName}=${session.token}`;
}

/** What the rows a door could change look like now: compared before and after a refused visit. */
async function fingerprint(): Promise<string> {
  const db = e2eDb();
  const request = await db.request.findUniqueOrThrow({
    where: { id: fixture.request.id },
    select: { status: true, version: true, assigneeId: true, auditHeadSeq: true, extendedAt: true, dueAt: true },
  });
  const counts = await Promise.all([
    db.auditEntry.count({ where: { requestId: fixture.request.id } }),
    db.requestMessage.count({ where: { requestId: fixture.request.id } }),
    db.internalNote.count({ where: { requestId: fixture.request.id } }),
    db.outboundMail.count({ where: { requestId: fixture.request.id } }),
    db.user.count({ where: { email: { startsWith: "matrix-invite-" } } }),
    db.auditEntry.count({ where: { chain: "system", details: { contains: fixture.target.id } } }),
    // Only this spec's connectors: e2e/backoffice-fulfilment.spec.ts creates its own at the same time.
    db.connector.count({ where: { key: { startsWith: "matrix-" } } }),
  ]);
  const task = await db.fulfilmentTask.findUniqueOrThrow({
    where: { id: fixture.task.id },
    select: { status: true, version: true },
  });
  const target = await db.user.findUniqueOrThrow({
    where: { id: fixture.target.id },
    select: { role: true, deactivatedAt: true, staffTotp: { select: { userId: true } } },
  });
  return JSON.stringify({ request, counts, target, task });
}

/** The form fields a valid use of the door posts. */
function fieldsFor(door: Door & { kind: "action" }, viewer: Viewer): Record<string, string> {
  const common = { locale: "en" };
  switch (door.name) {
    case "revealSubjectAction":
      return { ...common, requestId: fixture.request.id, returnTo: "/en/backoffice" };
    case "inviteStaffMember":
      return {
        ...common,
        email: `matrix-invite-${viewer}-${run}@demo.example`,
        name: "",
        role: "auditor",
        inviteLocale: "en",
      };
    case "changeStaffMemberRole":
      return { ...common, userId: fixture.target.id, role: "auditor" };
    case "deactivateStaffMember":
    case "reactivateStaffMember":
    case "resetStaffMemberSecondFactor":
      return { ...common, userId: fixture.target.id };
    case "startSecondFactorEnrolment":
    case "confirmSecondFactorEnrolment":
    case "verifySecondFactorCode":
      // A code of the wrong shape: refused before it counts against anyone's limit of wrong codes.
      return { ...common, next: "/en/backoffice", code: "not-a-code" };
    case "bulkAction":
      return {
        ...common,
        returnTo: "/en/backoffice",
        scope: "selected",
        action: door.command === "assign" ? "assign" : "withdraw_duplicate",
        assigneeId: fixture.privacyTeamId,
        requestId: fixture.request.id,
      };
    case "runCaseStep":
      return { ...common, reference: fixture.request.reference, command: door.command!, ...caseFields(door.command!) };
    case "saveConnectorAction":
      return {
        ...common,
        connectorId: "",
        key: `matrix-${viewer.replace(/_/g, "-")}-${run}`,
        name: `Matrix ${viewer}`,
        kind: "manual",
        registerEntries: "registration",
        required: "yes",
        instructionsDe: "Bitte prüfen.",
        instructionsEn: "Please check.",
      };
    case "retryTaskAction":
      return { ...common, reference: fixture.request.reference, taskId: fixture.task.id, version: String(taskVersion) };
    case "markTaskNotApplicableAction":
      return {
        ...common,
        reference: fixture.request.reference,
        taskId: fixture.task.id,
        version: String(taskVersion),
        note: "Not a system of this request.",
      };
    case "saveNoticeTextAction":
    case "restoreNoticeTextAction":
      // A new version for the DPO, in the shipped words (lib/mail/templates/message-notice.tsx).
      return {
        ...common,
        ...noticeKey,
        intent: "save",
        subject: "New message about your request {{reference}}",
        body: "Hello,\n\nWe have written you a message about your request {{reference}}. You can read it on your case page after signing in; for your security it is not in this email.",
        note: `matrix ${viewer}`,
      };
  }
  throw new Error(`the matrix does not know how to use ${doorLabel(door)}: add its fields here`);
}

function caseFields(command: string): Record<string, string> {
  const refusal = {
    grounds: "legal_exception",
    legalBasis: "Art. 17(3)(b) GDPR",
    reasons: "We must keep the invoices for ten years under German tax law.",
    complaintAuthority: "LDI NRW, Kavalleriestraße 2-4, 40213 Düsseldorf",
    judicialRemedy: "yes",
    step: "preview",
  };
  const fields: Record<string, Record<string, string>> = {
    assign: { assigneeId: fixture.privacyTeamId },
    start_work: {},
    request_information: { reason: "clarification", message: "Which of your two accounts do you mean?" },
    resume: { note: "Answered by phone." },
    send_message: { message: "We are working on it." },
    extend: { reason: "Your data are spread over four systems of two processors." },
    complete: { summary: "Erased in every system." },
    partially_complete: { summary: "Account erased.", ...refusal },
    refuse: refusal,
    withdraw: { reason: "Withdrawn by phone." },
    announce_fee: { amount: "25", reasons: "The sixth identical request since October, each answered in full." },
    reopen: { reason: "Our copy left out the newsletter data." },
    // Marking as spam minimises the fixture (and discards its file). Its door comes after complete and
    // before reopen (the commands' order in commands.ts), while the fixture is completed: the DPO's valid
    // post is let through and answered "not possible now", and the file stays for the attachment door.
    mark_spam: { note: "Advertising." },
    add_note: { note: "Called the subject." },
  };
  if (!(command in fields)) throw new Error(`the matrix does not know the fields of ${command}: add them here`);
  return fields[command]!;
}

/** Server actions whose first argument is the form's previous state (useActionState). */
const stateActions = new Set([
  "inviteStaffMember",
  "saveConnectorAction",
  "saveNoticeTextAction",
  "runCaseStep",
  "confirmSecondFactorEnrolment",
  "verifySecondFactorCode",
]);

function actionId(door: Door & { kind: "action" }): { id: string; page: string } {
  const found = Object.entries(actionManifest.node).find(
    ([, entry]) => entry.exportedName === door.name && entry.filename === door.file,
  );
  if (!found) throw new Error(`${doorLabel(door)} is not in the build: is the table out of date?`);
  const [id, entry] = found;
  const worker = Object.keys(entry.workers).find((w) => w.includes("/backoffice"))!;
  return { id, page: pagePath(worker) };
}

/**
 * The notice text the matrix opens and saves (lib/backoffice/templates/): one type's own, saved with
 * the shipped words, so a spec that sends this notice still meets them.
 */
const noticeKey = { action: "message_notice", scope: "portability", language: "en" };

/** A built page's entry ("app/[locale]/backoffice/requests/[reference]/page") as a URL of the fixture. */
function pagePath(entry: string): string {
  return entry
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace("[locale]", "en")
    .replace("[reference]", fixture.request.reference)
    .replace("[action]/[scope]/[language]", `${noticeKey.action}/${noticeKey.scope}/${noticeKey.language}`);
}

/**
 * The outcome an answer shows. A step that was taken answers 200 (its form state) or redirects into the
 * back office; a redirect anywhere else is no outcome the table knows (a refused parse, say), and is
 * reported as it is, so that the comparison fails and names it.
 */
function classify(status: number, location: string | undefined): Outcome | string {
  const target = location?.split(";")[0];
  if (target?.includes("/sign-in")) return "sign_in";
  if (target?.includes("/backoffice/second-factor")) return "second_factor";
  if (status === 404) return "not_found";
  if (status === 401) return "sign_in";
  if (target !== undefined)
    return /^(https?:\/\/[^/]+)?\/(de|en)\/backoffice/.test(target) ? "allowed" : `redirect ${target}`;
  if (status >= 200 && status < 300) return "allowed";
  return `unexpected ${status}`;
}

async function visit(api: APIRequestContext, door: Door, viewer: Viewer): Promise<Outcome | string> {
  const cookie = await cookieFor(viewer);
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (door.kind === "page" || door.kind === "route") {
    const url = door.path
      .replace("{locale}", "en")
      .replace("{reference}", fixture.request.reference)
      .replace("{id}", fixture.attachmentId)
      .replace("{action}/{scope}/{language}", `${noticeKey.action}/${noticeKey.scope}/${noticeKey.language}`);
    const answer =
      door.kind === "route" && door.method === "POST"
        ? // The register's form: the queue's default view.
          await api.post(url, { headers: { ...headers, origin: base }, form: { view: "" }, maxRedirects: 0 })
        : await api.get(url, { headers, maxRedirects: 0 });
    return classify(answer.status(), answer.headers().location);
  }
  const { id, page } = actionId(door);
  const version = (await e2eDb().request.findUniqueOrThrow({ where: { id: fixture.request.id } })).version;
  taskVersion = (await e2eDb().fulfilmentTask.findUniqueOrThrow({ where: { id: fixture.task.id } })).version;
  const fields = { ...fieldsFor(door, viewer), ...(door.name === "runCaseStep" ? { version: String(version) } : {}) };
  // React 19's reply encoding: the form's fields as "_1_<name>" ("$K1" names them), then the argument
  // list as part "0", last, as React sends it: the server resolves "$K1" from the fields before it
  // (a FormData keeps that order; an object would put the integer-like key "0" first).
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", JSON.stringify(stateActions.has(door.name) ? [{}, "$K1"] : ["$K1"]));
  const answer = await api.post(page, {
    headers: { ...headers, "next-action": id, origin: base, accept: "text/x-component" },
    multipart,
    maxRedirects: 0,
  });
  const redirect = answer.headers()["x-action-redirect"];
  const outcome = classify(answer.status(), redirect ?? answer.headers().location);
  // The TOTP page's own forms lead back to it when they did their step (e.g. to show the QR code).
  return outcome === "second_factor" && "staffSession" in door.access ? "allowed" : outcome;
}

test("the table names every back-office page and server action the build has", () => {
  const pages = Object.keys(pageManifest)
    .filter((p) => p.startsWith("/[locale]/backoffice") && p.endsWith("/page"))
    .map((p) =>
      p
        .replace(/\/page$/, "")
        .replace("[locale]", "{locale}")
        .replace("[reference]", "{reference}")
        .replace("[action]/[scope]/[language]", "{action}/{scope}/{language}"),
    );
  const tablePages = doors.filter((d) => d.kind === "page").map((d) => d.path);
  expect(pages.sort()).toEqual([...tablePages].sort());
  const actions = Object.values(actionManifest.node)
    .filter((a) => a.filename.startsWith("app/[locale]/backoffice/"))
    .map((a) => `${a.filename}#${a.exportedName}`);
  const tableActions = new Set(doors.flatMap((d) => (d.kind === "action" ? [`${d.file}#${d.name}`] : [])));
  expect(actions.sort()).toEqual([...tableActions].sort());
});

for (const door of doors) {
  test(`${doorLabel(door)}: each visitor meets what the table says`, async ({ request: api }) => {
    const met: Record<string, string> = {};
    const promised: Record<string, string> = {};
    for (const viewer of viewers) {
      const expected = expectedOutcome(door, viewer);
      const before = expected === "allowed" ? null : await fingerprint();
      met[viewer] = await visit(api, door, viewer);
      promised[viewer] = expected;
      if (before !== null) expect(await fingerprint(), `${viewer} changed rows at ${doorLabel(door)}`).toBe(before);
    }
    expect(met).toEqual(promised);
  });
}
