// Stores the tasks ./plan-tasks.ts decides for one request, once. Called right after the case command
// start_work succeeds (lib/backoffice/case/run-case-command.ts), so the team sees the tasks at once; the
// task runner (lib/jobs/jobs/run-fulfilment-tasks.ts) calls it again for any in_progress request without
// tasks, as a safety net for a crash between the two transactions and for requests started before any
// connector was configured. Rectification is planned by whoever approves its corrections (Art. 16: nothing
// is changed before that), with `approvedCorrections`. Idempotent: (requestId, connectorId, step) is unique.
import type { Db } from "../../db/client";
import type { Tx } from "../../db/tx";
import type { RequestType } from "../../requests/request-types";
import type { Actor } from "../../requests/workflow/actor";
import { planTasks, type PlanConnector, type PlanOptions } from "./plan-tasks";
import { AuditHeadMoved, appendRequestChainEntry } from "./request-chain";

export type PlanOutcome =
  | { ok: true; created: number }
  /** Not in progress (planning waits for start_work), or no such request. */
  | { ok: false; code: "not_found" | "not_in_progress" }
  /** Another writer planned or appended at the same moment: nothing written; try again. */
  | { ok: false; code: "conflict" };

/** Every connector as planning sees it, enabled or not (planTasks skips the disabled ones). */
export async function planConnectors(db: Db | Tx): Promise<PlanConnector[]> {
  const rows = await db.connector.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, key: true, name: true, registerEntries: true, required: true, enabled: true },
  });
  return rows.map((row) => ({
    ...row,
    registerEntries: Array.isArray(row.registerEntries)
      ? row.registerEntries.filter((id): id is string => typeof id === "string")
      : [],
  }));
}

/**
 * Creates the tasks `requestId` needs that it does not have yet, and records one internal audit entry
 * ("fulfilment_planned", with the systems) when it created any, or when it planned the request for the
 * first time (an empty plan). Returns how many it created.
 */
export async function planRequestTasks(
  db: Db,
  requestId: string,
  actor: Actor,
  now: Date,
  options: PlanOptions = {},
): Promise<PlanOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.request.findUnique({
        where: { id: requestId },
        select: {
          id: true,
          type: true,
          status: true,
          details: true,
          auditHeadSeq: true,
          auditHeadHash: true,
          tasks: { select: { connectorId: true, step: true } },
        },
      });
      if (!request) return { ok: false, code: "not_found" } as const;
      if (request.status !== "in_progress") return { ok: false, code: "not_in_progress" } as const;
      const connectors = await planConnectors(tx);
      // Before any system is configured there is nothing to plan, and nothing to record: the runner's
      // safety net plans the request once one is.
      if (!connectors.some((c) => c.enabled)) return { ok: true, created: 0 } as const;
      const have = new Set(request.tasks.map((t) => `${t.connectorId}/${t.step}`));
      const plan = planTasks(
        { type: request.type as RequestType, details: request.details },
        connectors,
        options,
      ).filter((task) => !have.has(`${task.connectorId}/${task.step}`));
      // A first plan is recorded even when empty (no system holds data this right concerns): the record says
      // the systems were considered, and the safety net does not plan the request again.
      if (plan.length === 0 && request.tasks.length > 0) return { ok: true, created: 0 } as const;
      for (const task of plan) {
        await tx.fulfilmentTask.create({
          data: {
            requestId,
            connectorId: task.connectorId,
            step: task.step,
            system: task.system,
            title: task.title,
            required: task.required,
            ...(task.input ? { input: task.input as object } : {}),
            nextAttemptAt: now,
            createdAt: now,
            updatedAt: now,
          },
        });
      }
      await appendRequestChainEntry(tx, {
        request,
        actor,
        event: "fulfilment_planned",
        details: { tasks: plan.map((t) => ({ system: t.system, step: t.step, required: t.required })) },
        public: false,
        now,
      });
      return { ok: true, created: plan.length } as const;
    });
  } catch (error) {
    if (error instanceof AuditHeadMoved || (error as { code?: string }).code === "P2002") {
      return { ok: false, code: "conflict" };
    }
    throw error;
  }
}
