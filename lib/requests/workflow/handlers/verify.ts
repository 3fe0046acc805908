// The subject confirmed the request (magic link): this is receipt in the sense of
// Art. 12(3) GDPR, so the one-month period starts now.
import { deadlineChanges } from "../deadline-changes";
import type { HandlerOutcome } from "../outcome";
import type { RequestSnapshot, WorkflowContext } from "../snapshot";

export function verify(request: RequestSnapshot, context: WorkflowContext): HandlerOutcome {
  const due = deadlineChanges(context.now, false, [], context.policy, context.now);
  const duplicate = request.openDuplicate ?? null;
  return {
    changes: {
      receivedAt: context.now,
      firstDueAt: due.firstDueAt,
      dueAt: due.dueAt,
      dueDate: due.dueDate,
      ...(duplicate ? { duplicateOfId: duplicate.id } : {}),
    },
    details: {
      receiptDate: due.receiptDate,
      due: due.dueDate,
      reasoning: due.reasoning,
      ...(duplicate ? { duplicateOf: duplicate.reference } : {}),
    },
  };
}
