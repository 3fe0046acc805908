// The demo platform connector: the seed controller's own product data (prisma/models.prisma, "The demo
// platform") behind the SynchronousConnector interface, one operation per module. It is reached only through
// the fulfilment task runner, which checks who may act on a request before it calls a connector; the
// modules import no "server-only" because the seed and the benchmark generator (plain Node scripts) use them too.
import type { Db } from "../../db/client";
import type { SynchronousConnector } from "../connectors/types";
import { eraseSubject } from "./erase";
import { exportSources } from "./export-sources";
import { findSubject } from "./find";
import { rectifySubject } from "./rectify";
import { setRestriction } from "./restrict";
import { stopProcessing } from "./stop-processing";

export { DIRECT_MARKETING, recordTypeTable, recordTypes, type RecordType } from "./record-types";
export { RectificationError, rectifiableFields, type RectifiableField } from "./rectifiable-fields";
export { generateUsageEvents } from "./generate-usage-events";
export { seedDemoPlatform } from "./seed";

export interface DemoPlatformOptions {
  /** Key of the keyed hashes (HMAC-SHA256) that replace identifiers in anonymised records; at least 32 bytes. */
  keyedHashKey: Buffer;
  /** The time written for restrictions, withdrawals and objections; default: now. */
  clock?: () => Date;
  /** The `system` path segment of the export sources (the connector's key); default "demo-platform". */
  system?: string;
}

/**
 * The demo platform as a connector (GDPR Art. 15-18, 20, 21, 7(3)); see record-types.ts for what each
 * operation does with each record type. Throws when the keyed-hash key is shorter than 32 bytes.
 */
export function createDemoPlatformConnector(db: Db, options: DemoPlatformOptions): SynchronousConnector {
  if (options.keyedHashKey.length < 32)
    throw new Error("demo platform: the keyed-hash key must have at least 32 bytes");
  const clock = options.clock ?? (() => new Date());
  const system = options.system ?? "demo-platform";
  return {
    find: (subject) => findSubject(db, subject.email),
    exportSources: (subject, { redact }) => exportSources(db, subject.email, system, redact),
    erase: (subject) => eraseSubject(db, subject.email, options.keyedHashKey),
    restrict: (subject) => setRestriction(db, subject.email, true, clock()),
    liftRestriction: (subject) => setRestriction(db, subject.email, false, clock()),
    rectify: (subject, corrections, statement) => rectifySubject(db, subject.email, corrections, statement),
    stopProcessing: (subject, processing) => stopProcessing(db, subject.email, processing, clock()),
  };
}
