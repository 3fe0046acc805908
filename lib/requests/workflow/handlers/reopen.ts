// Taking a closed case up again (a mistake found, the subject's objection to the answer). Only within
// REOPEN_DAYS of closing: after that a new request is the honest way. The due date stays: the period
// of Art. 12(3) counts from receipt, and reopening does not restart it (a late answer stays late).
import type { ParsedInput } from "../commands";
import type { HandlerOutcome } from "../outcome";
import type { RequestSnapshot, WorkflowContext } from "../snapshot";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The last instant `request` may be reopened: `closedAt` plus `reopenDays` days of 24 hours. A request
 * without `closedAt` (closed before closings were recorded) has no window: null.
 */
export function reopenUntil(request: Pick<RequestSnapshot, "closedAt">, reopenDays: number): Date | null {
  return request.closedAt ? new Date(request.closedAt.getTime() + reopenDays * DAY_MS) : null;
}

/** Reopens `request` at `context.now`, or the error `reopen_window_closed` once REOPEN_DAYS have passed. */
export function reopen(
  request: RequestSnapshot,
  input: ParsedInput<"reopen">,
  context: WorkflowContext,
): HandlerOutcome {
  const until = reopenUntil(request, context.reopenDays);
  if (!until || context.now > until) {
    const closedAt = request.closedAt?.toISOString() ?? "";
    return {
      error: {
        code: "reopen_window_closed",
        closedAt,
        until: until?.toISOString() ?? closedAt,
        days: context.reopenDays,
      },
    };
  }
  return {
    changes: { closedAt: null },
    details: { reason: input.reason, closedAt: request.closedAt!.toISOString() },
  };
}
