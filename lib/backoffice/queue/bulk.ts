// Bulk actions on the queue: assign many requests to one staff member, or withdraw them as duplicates.
// Each case goes through transitionRequest on its own (its own transaction, audit entry, state-machine
// check and notice), so one refused case does not stop or undo the others.
import "server-only";
import type { Db } from "../../db/client";
import type { RequestSettings } from "../../requests/request-settings";
import { transitionRequest } from "../../requests/transition-request";
import { permits } from "../../requests/workflow/actor";
import { rules } from "../../requests/workflow/rules";
import type { StaffViewer } from "../access/staff-gate";

export type BulkAction = { kind: "assign"; assigneeId: string } | { kind: "withdraw_duplicate" };

/** The withdrawal's reason as the subject reads it, in the request's language. */
export const duplicateReason = {
  de: "Doppelt: Dieselbe Person hat dasselbe schon in einer anderen Anfrage verlangt.",
  en: "Duplicate: the same person already asked for the same thing in another request.",
} as const;

/** At most this many cases in one bulk action ("all N matching" is bounded like the count). */
export const BULK_LIMIT = 1_000;

/** Whether `viewer`'s role may run `action` at all (lib/requests/workflow/rules.ts decides). */
export function mayBulk(viewer: Pick<StaffViewer, "actor">, action: BulkAction["kind"]): boolean {
  return permits(rules[action === "assign" ? "assign" : "withdraw"].who, viewer.actor);
}

export interface BulkOutcome {
  done: number;
  /** Cases the state machine or the optimistic lock refused, with the workflow's code. */
  refused: { requestId: string; code: string }[];
}

/**
 * Runs `action` on each of `requestIds` (at most BULK_LIMIT) as `viewer`, one transition per case.
 * A withdrawal as duplicate is the workflow's "withdraw" with the reason saying so (it reached the
 * team as a second request for the same thing; the subject is told as for any withdrawal).
 */
export async function applyBulk(
  db: Db,
  viewer: Pick<StaffViewer, "actor">,
  action: BulkAction,
  requestIds: string[],
  settings: RequestSettings,
  client: { ip?: string | null; userAgent?: string | null },
  now: Date = new Date(),
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { done: 0, refused: [] };
  const ids = [...new Set(requestIds)].slice(0, BULK_LIMIT);
  // The reason reaches the subject (withdrawal notice, case page), so it is in the request's language.
  const languages =
    action.kind === "withdraw_duplicate"
      ? new Map(
          (await db.request.findMany({ where: { id: { in: ids } }, select: { id: true, language: true } })).map(
            (row) => [row.id, row.language],
          ),
        )
      : new Map<string, string>();
  for (const requestId of ids) {
    const result = await transitionRequest(
      db,
      {
        requestId,
        actor: viewer.actor,
        command:
          action.kind === "assign"
            ? { name: "assign", input: { assigneeId: action.assigneeId } }
            : { name: "withdraw", input: { reason: duplicateReason[languages.get(requestId) === "de" ? "de" : "en"] } },
        ip: client.ip,
        userAgent: client.userAgent,
      },
      settings,
      now,
    );
    if (result.ok) outcome.done++;
    else outcome.refused.push({ requestId, code: result.error.code });
  }
  return outcome;
}
