// How the task runner (lib/fulfilment/tasks) drives a connector of each kind. A synchronous connector (the
// demo platform) acts during the runner's attempt; an asynchronous one (a processor over OpenCompliance, a
// manual owner) is started by the runner and finishes later through a callback, a poll or a person. Pure types.
import type { RequestType } from "../../requests/request-types";
import type { OperationResult, SubjectIdentity, SynchronousConnector } from "./types";

/** The task as a driver sees it (a FulfilmentTask row's relevant fields). */
export interface DrivenTask {
  id: string;
  requestId: string;
  /** The request's reference, for messages to owners and processors. */
  reference: string;
  /** The request's type: decides what a step means to a processor (export: access or portability). */
  requestType: RequestType;
  /** Request.details as filed (lib/requests/details): the restriction's ground, the objection's target, ... */
  requestDetails: unknown;
  /** When the subject submitted the request (OpenCompliance `submitted_time`). */
  submittedAt: Date;
  /** prisma FulfilmentStep */
  step: "export" | "erase" | "restrict" | "lift_restriction" | "rectify" | "stop_processing";
  /** FulfilmentTask.input: the step's input fixed at planning (corrections, processing objected to, ...). */
  input: unknown;
  externalId: string | null;
  attempts: number;
  /** The request's due instant (Art. 12(3)); reminders to owners count back from it. */
  dueAt: Date | null;
}

/** The connector row as a driver sees it; `config` is already validated for its kind. */
export interface DrivenConnector<Config = unknown> {
  id: string;
  key: string;
  name: string;
  config: Config;
  ownerUserId: string | null;
  ownerEmail: string | null;
  ownerName: string | null;
}

/** What starting (or polling) an asynchronous step came to. */
export type DriverOutcome =
  /** Finished now, with what was done. */
  | { state: "done"; result: OperationResult; externalId?: string; resultsUrl?: string; resultsCount?: number }
  /** Accepted; the answer comes later (callback, poll, owner). */
  | { state: "running"; externalId?: string; externalStatus?: string }
  /** Not possible here (e.g. a processor whose discovery lacks the type): the task becomes not_applicable. */
  | { state: "not_applicable"; reason: string }
  /** Failed; `retryable` decides between another attempt (back-off) and dead letter. */
  | { state: "failed"; error: string; retryable: boolean };

/** An asynchronous connector kind: started by the runner, finished later. */
export interface AsynchronousDriver<Config = unknown> {
  start(task: DrivenTask, connector: DrivenConnector<Config>, subject: SubjectIdentity): Promise<DriverOutcome>;
  /** Fallback when no callback came (processors); absent for kinds that never poll. */
  poll?(task: DrivenTask, connector: DrivenConnector<Config>): Promise<DriverOutcome>;
  /** The request was withdrawn: tell the other side (OpenCompliance DELETE). Idempotent. */
  cancel?(task: DrivenTask, connector: DrivenConnector<Config>): Promise<void>;
}

/** What the runner holds per connector row. */
export type ConnectorRuntime =
  { mode: "synchronous"; connector: SynchronousConnector } | { mode: "asynchronous"; driver: AsynchronousDriver };
