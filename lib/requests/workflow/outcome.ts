import type { WorkflowError } from "./errors";
import type { RequestChanges } from "./snapshot";

/** What a handler decides: the changes to the request and the event's details, or the rule it breaks. */
export type HandlerOutcome = { changes: RequestChanges; details: Record<string, unknown> } | { error: WorkflowError };
