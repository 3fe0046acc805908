// Art. 21 and Art. 7(3) in the demo platform: stops one processing (a register entry id, or DIRECT_MARKETING)
// for the subject. A withdrawn consent is marked withdrawn, never deleted: the platform must still be able to
// prove the consent it relied on until then (Art. 7(1)). An objection is recorded so the platform's jobs
// skip that processing for the user. Direct marketing always stops (Art. 21(3)): every marketing preference
// is switched off too.
import type { Db } from "../../db/client";
import type { OperationResult, RecordTypeResult } from "../connectors/types";
import { DIRECT_MARKETING } from "./record-types";
import { recordResult } from "./results";
import { findDemoUser } from "./subject";

export interface ProcessingToStop {
  /** A register entry id (content/register.ts) or DIRECT_MARKETING. */
  registerEntryId: string;
  kind: "objection" | "consent_withdrawal";
}

/**
 * Stops `processing` for the subject in one transaction. Results: consents (withdrawn now or before) for a
 * consent withdrawal; processing_objections (1) for an objection; marketing_preferences for direct
 * marketing. Idempotent: an earlier withdrawal keeps its time, an existing objection its `since`.
 * `found` false (nothing changed) when the user is unknown.
 */
export async function stopProcessing(
  db: Db,
  email: string,
  processing: ProcessingToStop,
  now: Date,
): Promise<OperationResult> {
  const purpose = processing.registerEntryId;
  return db.$transaction(async (tx) => {
    const user = await findDemoUser(tx, email);
    if (!user) return { found: false, records: [] };
    const userId = user.id;
    const records: RecordTypeResult[] = [];
    if (processing.kind === "consent_withdrawal") {
      await tx.demoConsent.updateMany({ where: { userId, purpose, withdrawnAt: null }, data: { withdrawnAt: now } });
      const withdrawn = await tx.demoConsent.count({ where: { userId, purpose, withdrawnAt: { not: null } } });
      records.push(recordResult("consents", "processing_stopped", withdrawn));
    } else {
      await tx.demoProcessingObjection.upsert({
        where: { userId_processing: { userId, processing: purpose } },
        create: { userId, processing: purpose, since: now },
        update: {},
      });
      records.push(recordResult("processing_objections", "processing_stopped", 1));
    }
    if (purpose === DIRECT_MARKETING) {
      await tx.demoMarketingPreference.updateMany({
        where: { userId, OR: [{ newsletter: true }, { productNews: true }] },
        data: { newsletter: false, productNews: false },
      });
      const off = await tx.demoMarketingPreference.count({ where: { userId, newsletter: false, productNews: false } });
      records.push(recordResult("marketing_preferences", "processing_stopped", off));
    }
    return { found: true, records };
  });
}
