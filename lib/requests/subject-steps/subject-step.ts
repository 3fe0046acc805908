// One step the signed-in data subject takes on their own request from its case page, after the
// caller has checked the session: the request is looked up with the same one query as the page
// (my-request-scope.ts), so a reference that is not theirs gets exactly the answer of one that does
// not exist, after the same work.
import type { Db } from "../../db/client";
import type { ClientContext } from "../../security/client-context";
import { ownedBy } from "../my-request-scope";
import type { RequestSettings } from "../request-settings";
import { transitionRequest, type TransitionArgs, type TransitionFailure } from "../transition-request";
import type { Command } from "../workflow/commands";
import type { RequestStatus } from "../workflow/states";

export interface SubjectContext {
  db: Db;
  /** The signed-in subject's account. */
  subject: { id: string; email: string };
  client: ClientContext;
  settings: RequestSettings;
}

export type StepRefusal = "signed_out" | "not_found" | "invalid" | "not_possible" | "conflict";

export type SubjectStepResult =
  /** `answered`: the words were the answer to the team's question, not a plain message. */
  { ok: true; status: RequestStatus; answered: boolean; from: RequestStatus } | { ok: false; reason: StepRefusal };

/** The subject's request by reference, or null when it is not theirs or does not exist. */
export function findOwnRequest(context: SubjectContext, reference: string) {
  return context.db.request.findFirst({
    where: { reference, ...ownedBy(context.subject) },
    select: { id: true, status: true },
  });
}

/** Runs `command` (chosen by the request's current status) as the subject, through transitionRequest. */
export async function takeSubjectStep(
  context: SubjectContext,
  request: { id: string; status: RequestStatus },
  command: (status: RequestStatus) => Command,
  withinStep?: TransitionArgs["withinStep"],
): Promise<SubjectStepResult> {
  const chosen = command(request.status);
  const outcome = await transitionRequest(
    context.db,
    {
      requestId: request.id,
      actor: { type: "subject", userId: context.subject.id },
      command: chosen,
      ip: context.client.ip,
      userAgent: context.client.userAgent,
      withinStep,
    },
    context.settings,
  );
  if (!outcome.ok) return { ok: false, reason: reasonOf(outcome.error) };
  return {
    ok: true,
    status: outcome.status,
    answered: chosen.name === "record_subject_response",
    from: request.status,
  };
}

function reasonOf(error: TransitionFailure): StepRefusal {
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
