// What the signed-in data subject can do on their case page: write to the team (or,
// while the team waits for them, answer its question), accept an announced fee and withdraw the request. The
// session is checked here; the steps themselves are in subject-steps/.
import "server-only";
import type { ClientContext } from "../security/client-context";
import type { CheckedUpload } from "../attachments/check-uploads";
import { currentSession } from "../auth/session";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { rateLimitContext } from "../security/rate-limit";
import { requestSettingsFromConfig } from "./settings-from-config";
import { replyToCase, type ReplyResult } from "./subject-steps/reply";
import {
  findOwnRequest,
  takeSubjectStep,
  type SubjectContext,
  type SubjectStepResult,
} from "./subject-steps/subject-step";

export type MyRequestActionResult = SubjectStepResult;
export type MyReplyResult = ReplyResult;

/** The subject's words, with files or without (see subject-steps/reply.ts for its limits). */
export async function replyToMyRequest(
  reference: string,
  message: string,
  files: CheckedUpload[],
  client: ClientContext,
): Promise<MyReplyResult> {
  const context = await subjectContext(client);
  if (!context) return { ok: false, reason: "signed_out" };
  const limits = { rateLimits: rateLimitContext(), caseMaxBytes: appConfig().attachmentCaseMaxBytes };
  return replyToCase(context, limits, reference, message, files);
}

/** Art. 7(3)-like freedom: a subject may withdraw an open request at any time, with or without a reason. */
export async function withdrawMyRequest(
  reference: string,
  reason: string | null,
  client: ClientContext,
): Promise<MyRequestActionResult> {
  const context = await subjectContext(client);
  if (!context) return { ok: false, reason: "signed_out" };
  const request = await findOwnRequest(context, reference);
  if (!request) return { ok: false, reason: "not_found" };
  return takeSubjectStep(context, request, () => ({ name: "withdraw", input: reason ? { reason } : {} }));
}

/**
 * Art. 12(5)(a): the subject accepts the fee the team announced (awaiting_fee → in_progress); the team is
 * alerted and tells them how to pay. Refused as "not_possible" when no fee is awaiting their decision.
 */
export async function acceptMyFee(reference: string, client: ClientContext): Promise<MyRequestActionResult> {
  const context = await subjectContext(client);
  if (!context) return { ok: false, reason: "signed_out" };
  const request = await findOwnRequest(context, reference);
  if (!request) return { ok: false, reason: "not_found" };
  return takeSubjectStep(context, request, () => ({ name: "accept_fee", input: {} }));
}

async function subjectContext(client: ClientContext): Promise<SubjectContext | null> {
  const session = await currentSession();
  if (!session) return null;
  return { db: db(), subject: session.user, client, settings: requestSettingsFromConfig(appConfig()) };
}
