// A case command from the case file, run through the workflow (lib/requests/transition-request.ts),
// which checks again who may do what from which status, writes the audit entry and queues the notice
// in the subject's language. The form's version makes a step on a stale page fail ("conflict").
import "server-only";
import type { Db } from "../../db/client";
import { planRequestTasks } from "../../fulfilment/tasks/persist-plan";
import { renderMail } from "../../mail/render-mail";
import { mailsForEvent } from "../../requests/mails-for-event";
import { currentNoticeText } from "../../mail/outbox/current-notice-text";
import type { RequestSettings } from "../../requests/request-settings";
import { transitionRequest } from "../../requests/transition-request";
import type { Command } from "../../requests/workflow/commands";
import { may } from "../access/capabilities";
import type { CaseViewer } from "./load-case-file";

/** Why a step did not happen, in words the case file can say (each maps to one message). */
export type CaseStepError =
  | { code: "not_found" }
  /** Someone changed the request since the page was rendered. */
  | { code: "conflict" }
  | { code: "not_permitted" }
  | { code: "not_possible_now" }
  /** Art. 12(3): one extension only. */
  | { code: "already_extended"; extendedAt: string }
  /** Art. 12(3): the extension must be notified within the first month. */
  | { code: "extension_too_late"; firstDue: string }
  /** Art. 12(4) parts missing (the form checks them first; this is the workflow's own check). */
  | { code: "refusal_incomplete"; missing: string[] }
  | { code: "open_fulfilment_tasks"; open: number }
  | { code: "invalid_assignee" }
  /** A closed case may be reopened only within REOPEN_DAYS of closing (the request's own `until`). */
  | { code: "reopen_window_closed"; closedAt: string; until: string; days: number }
  | { code: "invalid_input" };

export type CaseStepResult = { ok: true } | { ok: false; error: CaseStepError };

export interface StepOptions {
  /** The request's version the form was rendered with. */
  expectedVersion: number;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}

/** Runs `command` on `reference` as `viewer`. A viewer without "case.view" learns nothing (not_found). */
export async function runCaseCommand(
  db: Db,
  viewer: CaseViewer,
  reference: string,
  command: Command,
  settings: RequestSettings,
  options: StepOptions,
): Promise<CaseStepResult> {
  if (!may(viewer.actor.role, "case.view")) return { ok: false, error: { code: "not_found" } };
  const request = await db.request.findUnique({ where: { reference }, select: { id: true } });
  if (!request) return { ok: false, error: { code: "not_found" } };
  const outcome = await transitionRequest(
    db,
    {
      requestId: request.id,
      actor: viewer.actor,
      command,
      expectedVersion: options.expectedVersion,
      ip: options.ip ?? null,
      userAgent: options.userAgent ?? null,
    },
    settings,
    options.now,
  );
  if (outcome.ok) {
    // Work has started: plan one task per connector and step now, so the case file shows them at once. A
    // plan that meets a concurrent writer is left to the task runner's safety net (lib/fulfilment/tasks).
    if (command.name === "start_work") await planRequestTasks(db, request.id, viewer.actor, options.now ?? new Date());
    return { ok: true };
  }
  const error = outcome.error;
  switch (error.code) {
    case "not_found":
    case "conflict":
      return { ok: false, error: { code: error.code } };
    case "actor_not_permitted":
      return { ok: false, error: { code: "not_permitted" } };
    case "not_allowed_in_status":
    case "verification_window_open":
      return { ok: false, error: { code: "not_possible_now" } };
    case "already_extended":
    case "extension_too_late":
    case "open_fulfilment_tasks":
    case "reopen_window_closed":
      return { ok: false, error };
    case "refusal_incomplete":
      return { ok: false, error: { code: "refusal_incomplete", missing: error.missing } };
    case "invalid_input":
      return {
        ok: false,
        error: { code: command.name === "assign" ? "invalid_assignee" : "invalid_input" },
      };
  }
}

/**
 * The notice the subject would get for a refusal or partial completion, rendered from the very template
 * and variables the step would queue (Art. 12(4): reasons, complaint right, judicial remedy), in the
 * request's language. Null for a viewer who may not see the case, or a request that is not there.
 */
export async function previewNotice(
  db: Db,
  viewer: CaseViewer,
  reference: string,
  command: Extract<Command, { name: "refuse" | "partially_complete" }>,
  settings: RequestSettings,
): Promise<{ subject: string; text: string; language: "de" | "en" } | null> {
  if (!may(viewer.actor.role, "case.view")) return null;
  const request = await db.request.findUnique({
    where: { reference },
    select: { id: true, reference: true, type: true, language: true, subjectEmail: true, dueDate: true },
  });
  if (!request) return null;
  const isRefusal = command.name === "refuse";
  const details = isRefusal
    ? { refusal: command.input.refusal }
    : { summary: command.input.summary, refusal: command.input.refusal };
  const [mail] = mailsForEvent({
    request,
    event: { event: isRefusal ? "refused" : "partially_completed", public: true, details },
    dueDate: request.dueDate,
    receivedDate: null,
    staff: [],
    settings: settings.mail,
  });
  if (!mail) return null;
  // The words the mail would carry if queued now: the DPO's current text, else the shipped one.
  const edited = await currentNoticeText(db, mail.template, request.type, request.language);
  const rendered = await renderMail(mail.template, request.language, mail.variables, edited ?? undefined);
  return { subject: rendered.subject, text: rendered.text, language: request.language };
}
