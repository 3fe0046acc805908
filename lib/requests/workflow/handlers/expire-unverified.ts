// A request nobody confirmed is not a request the controller received; after the
// configured window it expires and is minimised at once: nobody confirmed that the
// address was theirs, so nothing about them is worth keeping.
import type { HandlerOutcome } from "../outcome";
import type { RequestSnapshot, WorkflowContext } from "../snapshot";

const DAY_MS = 24 * 60 * 60 * 1000;

export function expireUnverified(request: RequestSnapshot, context: WorkflowContext): HandlerOutcome {
  const expiresAt = new Date(request.submittedAt.getTime() + context.unverifiedExpiryDays * DAY_MS);
  if (context.now < expiresAt)
    return { error: { code: "verification_window_open", expiresAt: expiresAt.toISOString() } };
  return { changes: { closedAt: context.now, minimise: true }, details: { windowDays: context.unverifiedExpiryDays } };
}
