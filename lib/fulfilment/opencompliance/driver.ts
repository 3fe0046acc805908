// The processor connector (issue 14, connector kind "opencompliance"): how the task runner starts, polls and
// cancels a step at a processor over OpenCompliance v1 (OpenDSR 2.0; GDPR Art. 28(3)(e): the processor
// assists the controller with data subject requests). The answer usually comes later by callback
// (processor-callback.ts); polling is the fallback. Every answer is verified against the certificate pinned
// in the connector's configuration before it is read (client.ts).
import { appConfig } from "../../config/app-config";
import type { AsynchronousDriver, DriverOutcome, DrivenConnector, DrivenTask } from "../connectors/driver";
import { ProcessorError, createProcessorClient, type ProcessorClient } from "./client";
import type { OpencomplianceConfig } from "./connector-config";
import { planProcessorRequest, processorCallbackUrl, subjectRequestIdFor } from "./processor-request";
import { statusOutcome } from "./processor-outcome";
import type { DiscoveryResponse, StatusResponse } from "./schemas";

/** How long a processor's discovery answer is used before it is read again. */
export const DISCOVERY_TTL_MS = 60 * 60 * 1000;

export interface OpencomplianceDriverOptions {
  /** The portal's callback URL (sent in `status_callback_urls`), read when a request is created. */
  callbackUrl: () => string;
  fetch?: typeof fetch;
  now?: () => Date;
  discoveryTtlMs?: number;
}

export type OpencomplianceDriver = Required<AsynchronousDriver<OpencomplianceConfig>> & {
  /** Drops the cached discovery of a connector (its configuration changed). */
  forgetDiscovery(connectorId: string): void;
};

type Connector = DrivenConnector<OpencomplianceConfig>;

/** A failed exchange as the runner records it: retryable for timeouts, network errors and 5xx (client.ts). */
function failure(error: unknown): DriverOutcome {
  if (error instanceof ProcessorError) return { state: "failed", error: error.message, retryable: error.retryable };
  return { state: "failed", error: error instanceof Error ? error.message : String(error), retryable: false };
}

function asStatus(status: StatusResponse) {
  return {
    subjectRequestId: status.subject_request_id,
    requestStatus: status.request_status,
    ...(status.results_url !== undefined ? { resultsUrl: status.results_url } : {}),
    ...(status.results_count !== undefined ? { resultsCount: status.results_count } : {}),
  };
}

/** Builds the driver; see OpencomplianceDriverOptions. Discovery answers are cached per connector. */
export function createOpencomplianceDriver(options: OpencomplianceDriverOptions): OpencomplianceDriver {
  const now = options.now ?? (() => new Date());
  const ttl = options.discoveryTtlMs ?? DISCOVERY_TTL_MS;
  const discoveries = new Map<string, { settings: string; discovery: DiscoveryResponse; readAt: number }>();

  function clientFor(config: OpencomplianceConfig): ProcessorClient {
    return createProcessorClient({
      baseUrl: config.baseUrl,
      processorDomain: config.domain,
      certificatePem: config.certificatePem,
      timeoutMs: config.timeoutMs,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      now,
    });
  }

  async function discovery(connector: Connector, client: ProcessorClient): Promise<DiscoveryResponse> {
    // Keyed by the settings too: a changed base URL, domain or certificate reads discovery again.
    const settings = JSON.stringify([
      connector.config.baseUrl,
      connector.config.domain,
      connector.config.certificatePem,
    ]);
    const cached = discoveries.get(connector.id);
    if (cached && cached.settings === settings && now().getTime() - cached.readAt < ttl) return cached.discovery;
    const fresh = await client.discovery();
    discoveries.set(connector.id, { settings, discovery: fresh, readAt: now().getTime() });
    return fresh;
  }

  /** The processor's status of `id`, or undefined when it does not know the request (404). */
  async function statusIfKnown(client: ProcessorClient, id: string): Promise<StatusResponse | undefined> {
    try {
      return await client.getStatus(id);
    } catch (error) {
      if (error instanceof ProcessorError && error.code === "rejected" && error.httpStatus === 404) return undefined;
      throw error;
    }
  }

  return {
    forgetDiscovery(connectorId) {
      discoveries.delete(connectorId);
    },

    /**
     * Sends the task's request (section 7.1) and answers `running` with the processor's id; `not_applicable`
     * when the processor's discovery lacks the type or the e-mail identity; `failed` (retryable per
     * ProcessorError) otherwise. A later attempt first asks whether the processor already has the request
     * (an earlier attempt may have timed out after it arrived), so a request is never sent twice.
     */
    async start(task: DrivenTask, connector: Connector, subject) {
      const client = clientFor(connector.config);
      try {
        if (task.externalId !== null || task.attempts > 0) {
          const known = await statusIfKnown(client, task.externalId ?? subjectRequestIdFor(task.id));
          if (known) return statusOutcome(task.step, asStatus(known));
        }
        const supported = await discovery(connector, client);
        const planned = planProcessorRequest(
          task,
          subject,
          supported,
          connector.config.domain,
          options.callbackUrl(),
          now(),
        );
        if (planned.kind === "not_applicable") return { state: "not_applicable", reason: planned.reason };
        if (planned.kind === "invalid") return { state: "failed", error: planned.error, retryable: false };
        const accepted = await client.createRequest(planned.request, supported);
        return { state: "running", externalId: accepted.subject_request_id, externalStatus: "pending" };
      } catch (error) {
        // The next attempt reads discovery again: a refusal may come from a processor that changed.
        discoveries.delete(connector.id);
        return failure(error);
      }
    },

    /** Asks the processor for the status (section 8.1), the fallback when callbacks do not come. */
    async poll(task: DrivenTask, connector: Connector) {
      if (task.externalId === null) return { state: "failed", error: "no request was sent to poll", retryable: false };
      try {
        return statusOutcome(task.step, asStatus(await clientFor(connector.config).getStatus(task.externalId)));
      } catch (error) {
        return failure(error);
      }
    },

    /**
     * Cancels the request (DELETE, section 9) because the subject withdrew. Idempotent: a request the
     * processor already cancelled counts as cancelled. Throws ProcessorError when the processor refuses
     * (it may cancel only `pending` requests) or cannot be reached.
     */
    async cancel(task: DrivenTask, connector: Connector) {
      if (task.externalId === null) return;
      const client = clientFor(connector.config);
      try {
        await client.cancelRequest(task.externalId);
      } catch (error) {
        if (!(error instanceof ProcessorError) || error.code !== "rejected") throw error;
        const status = await statusIfKnown(client, task.externalId);
        if (status?.request_status !== "cancelled") throw error;
      }
    },
  };
}

/** The portal's processor driver: callbacks come to PUBLIC_URL + /api/opencompliance/callback. */
export const opencomplianceDriver: OpencomplianceDriver = createOpencomplianceDriver({
  callbackUrl: () => processorCallbackUrl(appConfig().publicUrl),
});
