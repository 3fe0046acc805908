// The connector interface: one shape for every system that holds personal data (the built-in demo platform,
// a processor over OpenCompliance, a manual system). The task runner (lib/fulfilment/tasks) plans one task
// per connector and step and calls these operations; every operation is idempotent (running it twice leaves
// the data as running it once, and reports what is there now) and reports counts per record type, so the
// case file, the subject's notice and the Art. 19 notifications can say what happened where. Pure types.
import type { ExportSource } from "../export";

/** Who the data subject is, as the request proved it (the verified e-mail address; Art. 12(6)). */
export interface SubjectIdentity {
  /** Lower-case, normalised (lib/input/email-address.ts). */
  email: string;
  /** The subject's name as they gave it, if they did; never used alone to match records. */
  name?: string | null;
}

/** What happened to the records of one type in one operation. */
export type RecordAction =
  | "found"
  | "exported"
  | "deleted"
  | "anonymised"
  | "kept"
  | "restricted"
  | "restriction_lifted"
  | "rectified"
  | "processing_stopped"
  | "none";

/**
 * The legal reason a record type was kept (or anonymised rather than deleted) despite an erasure request:
 * Art. 17(3)(a)-(e). `article` is the point of 17(3); `law` names the duty (e.g. "§ 147 AO, 10 years").
 */
export interface Exemption {
  article: "17(3)(a)" | "17(3)(b)" | "17(3)(c)" | "17(3)(d)" | "17(3)(e)";
  law?: string;
  explanation: { de: string; en: string };
}

/** Counts for one record type; `fields` says which fields a field-level strategy touched. */
export interface RecordTypeResult {
  recordType: string;
  action: RecordAction;
  count: number;
  /** Field-level strategies applied (erasure): field name → "delete_row" | "null" | "replace" | "keyed_hash". */
  fields?: Record<string, "delete_row" | "null" | "replace" | "keyed_hash">;
  exemption?: Exemption;
  /** Register data-category ids (content/data-categories.ts) these records belong to. */
  categories?: string[];
}

/** What one operation did in one connector (stored as FulfilmentTask.result). */
export interface OperationResult {
  /** Whether the subject was found at all in this system. */
  found: boolean;
  records: RecordTypeResult[];
  /** Before/after per rectified field (Art. 16), absent for other steps. */
  changes?: { recordType: string; recordId: string; field: string; before: string | null; after: string | null }[];
}

/** One correction the team approved for a rectification (Art. 16): the field and its new value. */
export interface ApprovedCorrection {
  /** The connector's field key, e.g. "user.name", "user.phone". */
  field: string;
  value: string;
}

/** An export source plus the register categories it belongs to (for the Art. 15(1) report). */
export interface CategorisedSource extends ExportSource {
  categories: readonly string[];
  /** Data the subject provided (Art. 20(1)): observed data count as provided, inferred data do not. */
  providedBySubject: boolean;
  /** Register entry ids whose processing produced these records (their legal bases decide Art. 20(1)). */
  registerEntries: readonly string[];
}

/**
 * A connector that acts at once (in process or over a synchronous API). Asynchronous connectors (a
 * processor answering by callback, a manual owner) are driven by their own modules and report through the
 * task; they do not implement this interface.
 */
export interface SynchronousConnector {
  /** Finds the subject; counts per record type (nothing changes). */
  find(subject: SubjectIdentity): Promise<OperationResult>;
  /**
   * The subject's records as export sources, read lazily in batches when the export job iterates them.
   * `redact` is applied to every string field before it leaves the connector (Art. 15(4)).
   */
  exportSources(
    subject: SubjectIdentity,
    options: { redact?: (recordType: string, recordId: string, field: string, value: string) => string },
  ): Promise<CategorisedSource[]>;
  /** Art. 17: deletes where no duty keeps the record, anonymises (or keeps) where one does, with the exemption. */
  erase(subject: SubjectIdentity): Promise<OperationResult>;
  /** Art. 18(1): marks the subject's processing restricted. */
  restrict(subject: SubjectIdentity): Promise<OperationResult>;
  /** Art. 18(3): lifts the restriction; the runner calls it only after the subject's notice is queued. */
  liftRestriction(subject: SubjectIdentity): Promise<OperationResult>;
  /** Art. 16: applies the approved corrections, with before/after; stores the supplementary statement. */
  rectify(
    subject: SubjectIdentity,
    corrections: readonly ApprovedCorrection[],
    supplementaryStatement?: string | null,
  ): Promise<OperationResult>;
  /**
   * Art. 21 / 7(3): stops the named processing (a register entry id) for the subject. `kind` says why: an
   * objection (direct marketing always stops, 21(3)) or a withdrawn consent.
   */
  stopProcessing(
    subject: SubjectIdentity,
    processing: { registerEntryId: string; kind: "objection" | "consent_withdrawal" },
  ): Promise<OperationResult>;
}
