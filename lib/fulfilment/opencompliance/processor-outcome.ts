// What a processor's status (a callback, section 8.6, or a poll's answer, 8.3) means for the task:
// still running, done with what the processor reported, or cancelled by the processor on its own (a person
// must look: the request was not carried out there). Pure.
import type { DriverOutcome, DrivenTask } from "../connectors/driver";
import type { OperationResult, RecordAction } from "../connectors/types";
import type { RequestStatus } from "./schemas";

/** The status as the portal reads it from a callback or a status answer. */
export interface ProcessorStatus {
  subjectRequestId: string;
  requestStatus: RequestStatus;
  resultsUrl?: string;
  resultsCount?: number;
}

/** The record type a processor's results are counted under: the protocol reports one count, no types. */
export const PROCESSOR_RECORD_TYPE = "processor_records";

const actionOfStep: Record<DrivenTask["step"], RecordAction> = {
  export: "exported",
  erase: "deleted",
  restrict: "restricted",
  lift_restriction: "restriction_lifted",
  rectify: "rectified",
  stop_processing: "processing_stopped",
};

/**
 * The task's result when the processor completed: `results_count` records of PROCESSOR_RECORD_TYPE with the
 * step's action. Without a count (erasure and the extension types need not report one) the subject counts
 * as found, with no count claimed.
 */
export function processorResult(step: DrivenTask["step"], resultsCount: number | undefined): OperationResult {
  if (resultsCount === undefined) return { found: true, records: [] };
  return {
    found: resultsCount > 0,
    records: [
      {
        recordType: PROCESSOR_RECORD_TYPE,
        action: resultsCount > 0 ? actionOfStep[step] : "none",
        count: resultsCount,
      },
    ],
  };
}

/** The driver outcome of a processor status for a task taking `step`. */
export function statusOutcome(step: DrivenTask["step"], status: ProcessorStatus): DriverOutcome {
  switch (status.requestStatus) {
    case "pending":
    case "in_progress":
      return { state: "running", externalId: status.subjectRequestId, externalStatus: status.requestStatus };
    case "completed":
      return {
        state: "done",
        externalId: status.subjectRequestId,
        result: processorResult(step, status.resultsCount),
        ...(status.resultsUrl !== undefined ? { resultsUrl: status.resultsUrl } : {}),
        ...(status.resultsCount !== undefined ? { resultsCount: status.resultsCount } : {}),
      };
    case "cancelled":
      // The portal's own cancellation ends the task as cancelled before this is read; a processor that
      // cancels on its own has not carried out the request (Art. 28(3)(e)): a person decides.
      return { state: "failed", error: "the processor cancelled the request", retryable: false };
  }
}
