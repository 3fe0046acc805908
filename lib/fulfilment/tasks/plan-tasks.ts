// Which fulfilment tasks a request needs: one per enabled connector whose register entries matter to the
// request's type, per step (access and portability: export; erasure: erase; restriction: restrict;
// rectification: rectify, once the corrections are approved; objection and consent withdrawal:
// stop_processing). Pure: the persisting side is ./persist-plan.ts.
import type { ApprovedCorrection } from "../connectors/types";
import { registerEntry } from "../../privacy";
import type { RequestType } from "../../requests/request-types";

export type FulfilmentStep = "export" | "erase" | "restrict" | "lift_restriction" | "rectify" | "stop_processing";

/** The step that carries out each request type in a connector (Art. 15-21, 7(3)). */
export const stepForType: Readonly<Record<RequestType, FulfilmentStep>> = {
  access: "export",
  portability: "export",
  erasure: "erase",
  restriction: "restrict",
  rectification: "rectify",
  objection: "stop_processing",
  consent_withdrawal: "stop_processing",
};

/**
 * Objections to direct marketing name no register entry (Art. 21(2)-(3): marketing stops whatever the
 * basis): the stop_processing input names this pseudo id, and every enabled connector gets the task.
 */
export const DIRECT_MARKETING = "direct_marketing";

export interface PlanConnector {
  id: string;
  key: string;
  name: string;
  /** Register entry ids (content/register.ts) whose data the system holds; unknown ids are ignored. */
  registerEntries: readonly string[];
  required: boolean;
  enabled: boolean;
}

export interface PlanRequest {
  type: RequestType;
  /** Request.details as stored (lib/requests/details/schemas.ts). */
  details: unknown;
}

/** The input a stop_processing task carries (FulfilmentTask.input). */
export interface StopProcessingInput {
  kind: "objection" | "consent_withdrawal";
  /** The register entries the subject named that this connector holds, or [DIRECT_MARKETING]. */
  registerEntryIds: string[];
}

/** The input a rectify task carries (FulfilmentTask.input). */
export interface RectifyInput {
  corrections: ApprovedCorrection[];
  supplementaryStatement: string | null;
}

export interface PlannedTask {
  connectorId: string;
  step: FulfilmentStep;
  /** The connector's key (FulfilmentTask.system). */
  system: string;
  title: string;
  required: boolean;
  input: StopProcessingInput | RectifyInput | null;
}

export interface PlanOptions {
  /**
   * Rectification only: the corrections the team approved field by field (Art. 16). Absent or empty: no
   * rectify task yet (nothing may be changed before it is approved).
   */
  approvedCorrections?: readonly ApprovedCorrection[];
}

/**
 * The tasks `request` needs across `connectors`, in the connectors' order. A disabled connector gets none;
 * a connector none of whose entries the request concerns gets none (a system that holds no marketing data
 * is not asked to stop marketing, except for direct marketing, which every system stops: 21(3)).
 */
export function planTasks(
  request: PlanRequest,
  connectors: readonly PlanConnector[],
  options: PlanOptions = {},
): PlannedTask[] {
  const step = stepForType[request.type];
  if (request.type === "rectification" && !(options.approvedCorrections?.length ?? 0)) return [];
  const named = namedProcessing(request);
  const planned: PlannedTask[] = [];
  for (const connector of connectors) {
    if (!connector.enabled) continue;
    let input: PlannedTask["input"] = null;
    if (named) {
      const ids = named.ids === "all" ? [DIRECT_MARKETING] : named.ids.filter((id) => holds(connector, id));
      if (ids.length === 0) continue;
      input = { kind: named.kind, registerEntryIds: ids };
    } else if (!connector.registerEntries.some((id) => registerEntry(id)?.requestTypes.includes(request.type))) {
      continue;
    }
    if (request.type === "rectification") {
      const statement = (request.details as { supplementaryStatement?: unknown } | null)?.supplementaryStatement;
      input = {
        corrections: [...(options.approvedCorrections ?? [])],
        supplementaryStatement: typeof statement === "string" ? statement : null,
      };
    }
    planned.push({
      connectorId: connector.id,
      step,
      system: connector.key,
      title: `${step}: ${connector.name}`,
      required: connector.required,
      input,
    });
  }
  return planned;
}

/** Objections and withdrawals name what is to stop; null for every other type. */
function namedProcessing(request: PlanRequest): { kind: StopProcessingInput["kind"]; ids: string[] | "all" } | null {
  const details = (request.details ?? {}) as Record<string, unknown>;
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  if (request.type === "consent_withdrawal") return { kind: "consent_withdrawal", ids: list(details.consentIds) };
  if (request.type === "objection") {
    return details.target === "direct_marketing"
      ? { kind: "objection", ids: "all" }
      : { kind: "objection", ids: list(details.processingIds) };
  }
  return null;
}

function holds(connector: PlanConnector, id: string): boolean {
  return connector.registerEntries.includes(id);
}
