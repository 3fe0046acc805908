// Art. 12(3) GDPR: the period may be extended by two further months where needed,
// once, and the subject must be told, with reasons, within the first month.
import { extensionAllowed } from "../../../deadlines";
import { extensionNotice } from "../../notices/extension-notice";
import type { ParsedInput } from "../commands";
import { deadlineChanges } from "../deadline-changes";
import type { HandlerOutcome } from "../outcome";
import type { RequestSnapshot, WorkflowContext } from "../snapshot";

export function extend(
  request: RequestSnapshot,
  input: ParsedInput<"extend">,
  context: WorkflowContext,
): HandlerOutcome {
  if (request.extendedAt) return { error: { code: "already_extended", extendedAt: request.extendedAt.toISOString() } };
  const receivedAt = request.receivedAt!;
  const check = extensionAllowed(receivedAt, context.now, context.policy, request.pauses);
  if (!check.allowed) return { error: { code: "extension_too_late", firstDue: check.firstDue } };
  const due = deadlineChanges(receivedAt, true, request.pauses, context.policy, context.now);
  const notice = extensionNotice(request.language, {
    reference: request.reference,
    due: due.dueDate,
    reason: input.reason,
  });
  return {
    changes: { extendedAt: context.now, firstDueAt: due.firstDueAt, dueAt: due.dueAt, dueDate: due.dueDate },
    details: { reason: input.reason, previousDue: request.dueAt?.toISOString() ?? null, due: due.dueDate, notice },
  };
}
