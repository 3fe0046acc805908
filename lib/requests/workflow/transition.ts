// The state machine: a pure function of (request, actor, command, context) that
// returns the new status, the field changes and the events to record, or the
// typed rule that forbids the step. lib/requests/transition-request.ts is the only
// caller that persists its answer.
import { permits, type Actor } from "./actor";
import { commandInputSchemas, type Command, type CommandName, type ParsedInput } from "./commands";
import { closeOpenPause, deadlineChanges } from "./deadline-changes";
import type { WorkflowError } from "./errors";
import { eventOfCommand, isPublicEvent, type WorkflowEvent } from "./events";
import { extend } from "./handlers/extend";
import { expireUnverified } from "./handlers/expire-unverified";
import { missingRefusalParts } from "./handlers/refuse";
import { reopen } from "./handlers/reopen";
import { verify } from "./handlers/verify";
import type { HandlerOutcome } from "./outcome";
import { rules, statusesFor } from "./rules";
import type { RequestChanges, RequestSnapshot, WorkflowContext } from "./snapshot";
import type { RequestStatus } from "./states";

export type TransitionResult =
  | { ok: true; from: RequestStatus; to: RequestStatus; changes: RequestChanges; event: WorkflowEvent }
  | { ok: false; error: WorkflowError };

export function transition(
  request: RequestSnapshot,
  actor: Actor,
  command: Command,
  context: WorkflowContext,
): TransitionResult {
  const rule = rules[command.name];
  if (!permits(rule.who, actor)) {
    const role = actor.type === "staff" ? actor.role : undefined;
    return { ok: false, error: { code: "actor_not_permitted", command: command.name, actor: actor.type, role } };
  }
  const from = statusesFor(rule, actor);
  if (!from.includes(request.status)) {
    return { ok: false, error: { code: "not_allowed_in_status", command: command.name, status: request.status } };
  }
  const parsed = commandInputSchemas[command.name].safeParse(command.input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`);
    return { ok: false, error: { code: "invalid_input", command: command.name, issues } };
  }
  const outcome = decide(command.name, parsed.data, request, actor, context);
  if ("error" in outcome) return { ok: false, error: outcome.error };
  const to = rule.to ?? request.status;
  const event = eventOfCommand[command.name];
  return {
    ok: true,
    from: request.status,
    to,
    changes: outcome.changes,
    event: { event, public: isPublicEvent(event), details: outcome.details },
  };
}

function decide(
  name: CommandName,
  input: unknown,
  request: RequestSnapshot,
  actor: Actor,
  context: WorkflowContext,
): HandlerOutcome {
  const { now } = context;
  switch (name) {
    case "verify":
      return verify(request, context);
    case "expire_unverified":
      return expireUnverified(request, context);
    case "start_work":
      return { changes: {}, details: {} };
    case "assign": {
      const { assigneeId } = input as ParsedInput<"assign">;
      return { changes: { assigneeId }, details: { from: request.assigneeId, to: assigneeId } };
    }
    case "request_information": {
      const { reason, message } = input as ParsedInput<"request_information">;
      return { changes: {}, details: { reason, message } };
    }
    case "record_subject_response":
    case "resume": {
      // Leaving awaiting_subject closes the pause; under the paused clock policy that moves the due date.
      const due = deadlineChanges(
        request.receivedAt!,
        request.extendedAt !== null,
        closeOpenPause(request.pauses, now),
        context.policy,
        now,
      );
      const text =
        name === "resume"
          ? (input as ParsedInput<"resume">).note
          : (input as ParsedInput<"record_subject_response">).message;
      const changes = { firstDueAt: due.firstDueAt, dueAt: due.dueAt, dueDate: due.dueDate };
      return { changes, details: { ...(text ? { message: text } : {}), due: due.dueDate } };
    }
    case "send_message": {
      // Who wrote it decides who hears of it (lib/requests/mails-for-event.ts) and how the case page labels it.
      const { message } = input as ParsedInput<"send_message">;
      return { changes: {}, details: { message, sentBy: actor.type } };
    }
    case "extend":
      return extend(request, input as ParsedInput<"extend">, context);
    case "complete": {
      if (request.openTaskCount > 0) return { error: { code: "open_fulfilment_tasks", open: request.openTaskCount } };
      return { changes: { closedAt: now }, details: { summary: (input as ParsedInput<"complete">).summary } };
    }
    case "partially_complete": {
      const { summary, refusal } = input as ParsedInput<"partially_complete">;
      if (request.openTaskCount > 0) return { error: { code: "open_fulfilment_tasks", open: request.openTaskCount } };
      const missing = missingRefusalParts(refusal);
      return missing ? { error: missing } : { changes: { closedAt: now }, details: { summary, refusal } };
    }
    case "refuse": {
      const { refusal } = input as ParsedInput<"refuse">;
      const missing = missingRefusalParts(refusal);
      // Art. 12(4) asks for the refusal within one month of receipt; a later one is recorded as late.
      const withinFirstMonth = request.firstDueAt === null || now < request.firstDueAt;
      return missing ? { error: missing } : { changes: { closedAt: now }, details: { refusal, withinFirstMonth } };
    }
    case "add_note":
      return { changes: {}, details: { note: (input as ParsedInput<"add_note">).note } };
    case "announce_fee": {
      // The period of Art. 12(3) keeps running: Art. 12(5) gives no pause for a fee (see ARCHITECTURE.md).
      const { amountCents, reasons } = input as ParsedInput<"announce_fee">;
      return { changes: {}, details: { amountCents, reasons } };
    }
    case "accept_fee":
      // The accepted amount is recorded with the acceptance; paying it is arranged by the team.
      return { changes: {}, details: { amountCents: request.announcedFeeCents ?? null, recordedBy: actor.type } };
    case "reopen":
      return reopen(request, input as ParsedInput<"reopen">, context);
    case "mark_spam": {
      const { note } = input as ParsedInput<"mark_spam">;
      // Minimised exactly as an expired unconfirmed request (transition-request.ts does it for both). Spam is
      // no data subject's request, so it has no period under Art. 12(3): the due dates go too, and with them
      // any weight in the on-time rate.
      return {
        changes: { closedAt: now, minimise: true, firstDueAt: null, dueAt: null, dueDate: null },
        // `due: null` records the dropped due date in the chain (lib/audit/verify-audit-chains.ts checks it).
        details: { ...(note ? { note } : {}), due: null },
      };
    }
    case "withdraw": {
      const { reason } = input as ParsedInput<"withdraw">;
      // Withdrawn before anyone confirmed the address: as with expiry, nothing about the sender is kept.
      const minimise = request.status === "awaiting_verification" ? ({ minimise: true } as const) : {};
      return {
        changes: { closedAt: now, ...minimise },
        details: { ...(reason ? { reason } : {}), recordedBy: actor.type },
      };
    }
  }
}
