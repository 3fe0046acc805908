// The part of a request the rules look at, plus the context they run in. Plain
// data: the workflow never reads the database or the clock itself.
import type { DeadlinePolicy, Pause } from "../../deadlines";
import type { RequestType } from "../request-types";
import type { RequestStatus } from "./states";

export interface RequestSnapshot {
  reference: string;
  type: RequestType;
  language: "de" | "en";
  status: RequestStatus;
  submittedAt: Date;
  receivedAt: Date | null;
  extendedAt: Date | null;
  firstDueAt: Date | null;
  dueAt: Date | null;
  /** When the request was closed (null while open); reopening counts REOPEN_DAYS from here. */
  closedAt: Date | null;
  assigneeId: string | null;
  openTaskCount: number;
  /** Periods spent in awaiting_subject, the newest possibly still open (to = null). */
  pauses: Pause[];
  /**
   * For verification: an open request of the same type from the same address, already verified. The new
   * one is linked to it (the team answers both together) and the subject is told.
   */
  openDuplicate?: { id: string; reference: string } | null;
  /** For accepting a fee: the amount of the latest announcement (Art. 12(5)(a)), in euro cents. */
  announcedFeeCents?: number | null;
}

export interface WorkflowContext {
  now: Date;
  policy: DeadlinePolicy;
  /** How long a submitted request waits for its email confirmation before it expires. */
  unverifiedExpiryDays: number;
  /** How long after closing a case may be reopened (REOPEN_DAYS), in days of 24 hours. */
  reopenDays: number;
}

/** The request fields a transition may change (besides status). */
export interface RequestChanges {
  receivedAt?: Date;
  /** null: the due dates are dropped (spam is not a request with a legal period). */
  firstDueAt?: Date | null;
  dueAt?: Date | null;
  dueDate?: string | null;
  extendedAt?: Date;
  /** null: reopened. */
  closedAt?: Date | null;
  assigneeId?: string | null;
  duplicateOfId?: string;
  /** Drop what the request said and who sent it, keeping only what proves the handling (Art. 5(1)(c), (e)). */
  minimise?: true;
}
