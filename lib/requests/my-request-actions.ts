// What the signed-in data subject can do on their case page: write to the team (or,
// while the team waits for them, answer its question) and withdraw the request. The
// session is checked here; a reference that is not theirs gets exactly the answer of
// one that does not exist, after the same single query, so nobody learns which exist.
import "server-only";
import type { ClientContext } from "../security/client-context";
import type { CheckedUpload } from "../attachments/check-uploads";
import { withStagedAttachments } from "../attachments/store-attachments";
import { currentSession } from "../auth/session";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { ownedBy } from "./my-request-scope";
import { requestSettingsFromConfig } from "./settings-from-config";
import { transitionRequest, type TransitionArgs, type TransitionFailure } from "./transition-request";
import type { Command } from "./workflow/commands";
import type { RequestStatus } from "./workflow/states";

export type MyRequestActionResult =
  /** `answered`: the words were the answer to the team's question, not a plain message. */
  | { ok: true; status: RequestStatus; answered: boolean; from: RequestStatus }
  | { ok: false; reason: "signed_out" | "not_found" | "invalid" | "not_possible" | "conflict" };

/** The subject's words: the answer to the team's question while it waits for one (Art. 12(6)), else a message. */
export async function replyToMyRequest(
  reference: string,
  message: string,
  files: CheckedUpload[],
  client: ClientContext,
): Promise<MyRequestActionResult> {
  if (files.length > 0) {
    // Nothing is written to disk for someone who may not write here (act() checks again, in its query).
    const session = await currentSession();
    if (!session) return { ok: false, reason: "signed_out" };
    const owned = await db().request.findFirst({
      where: { reference, ...ownedBy(session.user) },
      select: { id: true },
    });
    if (!owned) return { ok: false, reason: "not_found" };
  }
  // The files are kept only if the message's step commits and records them.
  return withStagedAttachments(db(), appConfig().attachmentsDir, files, (staged) =>
    act(
      reference,
      client,
      (status) =>
        status === "awaiting_subject"
          ? { name: "record_subject_response", input: { message } }
          : { name: "send_message", input: { message } },
      async (tx, step) => {
        await staged.record(tx, { requestId: step.requestId, messageId: step.messageId, uploadedBy: "subject" });
      },
    ),
  );
}

/** Art. 7(3)-like freedom: a subject may withdraw an open request at any time, with or without a reason. */
export async function withdrawMyRequest(
  reference: string,
  reason: string | null,
  client: ClientContext,
): Promise<MyRequestActionResult> {
  return act(reference, client, () => ({ name: "withdraw", input: reason ? { reason } : {} }));
}

async function act(
  reference: string,
  client: ClientContext,
  command: (status: RequestStatus) => Command,
  withinStep?: TransitionArgs["withinStep"],
): Promise<MyRequestActionResult> {
  const session = await currentSession();
  if (!session) return { ok: false, reason: "signed_out" };
  const request = await db().request.findFirst({
    where: { reference, ...ownedBy(session.user) },
    select: { id: true, status: true },
  });
  if (!request) return { ok: false, reason: "not_found" };
  const chosen = command(request.status);
  const outcome = await transitionRequest(
    db(),
    {
      requestId: request.id,
      actor: { type: "subject", userId: session.user.id },
      command: chosen,
      ip: client.ip,
      userAgent: client.userAgent,
      withinStep,
    },
    requestSettingsFromConfig(appConfig()),
  );
  if (!outcome.ok) return { ok: false, reason: reasonOf(outcome.error) };
  return {
    ok: true,
    status: outcome.status,
    answered: chosen.name === "record_subject_response",
    from: request.status,
  };
}

function reasonOf(error: TransitionFailure): Exclude<MyRequestActionResult, { ok: true }>["reason"] {
  switch (error.code) {
    case "not_found":
      return "not_found";
    case "invalid_input":
      return "invalid";
    case "conflict":
      return "conflict";
    default:
      // Closed meanwhile, or a step the subject may not take now: the page will show why.
      return "not_possible";
  }
}
