// The portal's callback endpoint behind app/api/opencompliance/callback (opengdpr/OpenDSR specification.md
// 8.5-8.8): the processor domain's pinned certificate (from the opencompliance connectors' configuration)
// checks the signature over the raw body before it is parsed (callback.ts); the callback must name the
// portal's callback URL and a request the portal sent to that processor. A verified status change is
// recorded on the task through updateTask; a replay (a status the task already has, or an earlier one)
// changes nothing. Admitted by the signature alone: no session or CSRF check applies between machines.
import "server-only";
import type { Db } from "../../db/client";
import { logger } from "../../log/logger";
import type { HeaderBag } from "./signature";
import { handleCallback, type CallbackOutcome } from "./callback";
import { opencomplianceConfigSchema } from "./connector-config";
import { statusOutcome } from "./processor-outcome";
import { subjectRequestIdFor } from "./processor-request";
import { applyTaskChange, loadProcessorTask, type LoadedProcessorTask } from "./processor-tasks";
import { DEFAULT_CONNECTOR_RETRY_POLICY, type ConnectorRetryPolicy } from "./retry-policy";
import { REQUEST_STATUSES, type RequestStatus } from "./schemas";
import { outcomeChange } from "./task-change";

/** The largest callback body read (a callback is a few hundred bytes): larger ones get 413 unread. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

export interface CallbackOptions {
  /** The portal's callback URL (processorCallbackUrl(PUBLIC_URL)). */
  callbackUrl: string;
  now?: () => Date;
  policy?: ConnectorRetryPolicy;
  random?: () => number;
}

export type CallbackAnswer =
  | { status: 202; code: "recorded" | "no_change" }
  | { status: 400; code: "invalid_body" }
  | { status: 403; code: Extract<CallbackOutcome, { status: 403 }>["code"] }
  /** The task changed while this callback was recorded, three times over: the processor may send it again. */
  | { status: 503; code: "busy" };

/**
 * Pinned certificates per processor domain from every opencompliance connector (enabled or not: a disabled
 * connector's running tasks still hear back). A domain configured with two different certificates is left
 * out (fail closed: which one vouches would be a guess).
 */
async function trustedCertificates(db: Db): Promise<Record<string, string>> {
  const rows = await db.connector.findMany({ where: { kind: "opencompliance" }, select: { config: true } });
  const byDomain = new Map<string, Set<string>>();
  for (const row of rows) {
    const config = opencomplianceConfigSchema.safeParse(row.config);
    if (!config.success) continue;
    const pems = byDomain.get(config.data.domain) ?? new Set<string>();
    byDomain.set(config.data.domain, pems.add(config.data.certificatePem));
  }
  const trusted: Record<string, string> = {};
  for (const [domain, pems] of byDomain) {
    if (pems.size === 1) trusted[domain] = [...pems][0]!;
    else logger.warn({ domain }, "processor domain configured with different certificates: its callbacks are refused");
  }
  return trusted;
}

/**
 * The task a processor's id belongs to: the one that recorded it, else one still being started (the id is
 * derived from the task's, processor-request.ts): a processor may call back before its 201 answer is
 * recorded. Only reached with a verified signature of a configured processor.
 */
async function taskOf(db: Db, subjectRequestId: string): Promise<string | undefined> {
  const recorded = await db.fulfilmentTask.findFirst({
    where: { externalId: subjectRequestId, connector: { kind: "opencompliance" } },
    select: { id: true },
  });
  if (recorded) return recorded.id;
  const starting = await db.fulfilmentTask.findMany({
    where: { externalId: null, status: { in: ["open", "running", "failed"] }, connector: { kind: "opencompliance" } },
    select: { id: true },
  });
  return starting.find((task) => subjectRequestIdFor(task.id) === subjectRequestId)?.id;
}

function knownStatus(value: string | null): RequestStatus | undefined {
  return (REQUEST_STATUSES as readonly string[]).includes(value ?? "") ? (value as RequestStatus) : undefined;
}

/**
 * Decides and records one callback. `rawBody` is the body exactly as received (at most MAX_CALLBACK_BYTES;
 * the route answers 413 beyond). Answers 202 (recorded or no change), 400 (signed but not a callback), 403
 * (refused: bad or missing signature, unknown processor, another processor's certificate, a callback URL
 * that is not the portal's, a request the portal did not send to that processor; nothing changed), or 503.
 * Never throws for anything the processor sent.
 */
export async function receiveProcessorCallback(
  db: Db,
  rawBody: Uint8Array,
  headers: HeaderBag,
  options: CallbackOptions,
): Promise<CallbackAnswer> {
  const now = options.now ?? (() => new Date());
  const trusted = await trustedCertificates(db);
  for (let attempt = 1; attempt <= 3; attempt++) {
    let found: LoadedProcessorTask | undefined;
    const decision = await handleCallback(rawBody, headers, {
      trustedCertificates: trusted,
      expectedCallbackUrl: options.callbackUrl,
      now,
      async lookup(subjectRequestId) {
        const taskId = await taskOf(db, subjectRequestId);
        const loaded = taskId ? await loadProcessorTask(db, taskId) : undefined;
        if (!loaded?.ok) return undefined;
        found = loaded.loaded;
        return {
          processorDomain: loaded.loaded.connector.config.domain,
          status: knownStatus(loaded.loaded.snapshot.externalStatus),
        };
      },
    });
    if (decision.status === 403) {
      logger.warn({ code: decision.code }, "processor callback refused");
      return decision;
    }
    if (decision.status === 400) return decision;
    if (decision.outcome === "no_change" || !found) return { status: 202, code: "no_change" };
    const outcome = statusOutcome(found.task.step, decision.update);
    const change = await applyTaskChange(
      db,
      outcomeChange(found.snapshot, outcome, "callback", {
        now: now(),
        policy: options.policy ?? DEFAULT_CONNECTOR_RETRY_POLICY,
        random: options.random ?? Math.random,
      }),
    );
    if (change.ok) return { status: 202, code: "recorded" };
    // A finished task (done, cancelled by the portal) stays as it is: the callback is news of the past.
    if (change.code !== "conflict") return { status: 202, code: "no_change" };
  }
  return { status: 503, code: "busy" };
}
