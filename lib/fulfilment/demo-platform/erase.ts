// Art. 17 in the demo platform: deletes the subject's records where no duty keeps them, anonymises those a
// duty keeps in anonymised form, and leaves those a duty keeps whole, each as the record-type table says
// (record-types.ts). The bulk tables (usage and alert events; a million rows for a heavy user) are deleted
// first in batches of their own, so that no transaction holds the write lock for long nor outlives its
// timeout; everything else happens in one transaction. A run stopped half-way is finished by the next one
// (erasure is idempotent), and the counts of both runs add up to what was there.
import type { Db } from "../../db/client";
import type { OperationResult, RecordTypeResult } from "../connectors/types";
import { anonymisedFields, fieldsReport } from "./anonymise";
import { recordTypeTable, recordTypes, type RecordType } from "./record-types";
import { recordResult } from "./results";
import { countRecords, findDemoUser } from "./subject";

/**
 * Erases the subject with e-mail `email`. Result: one RecordTypeResult per record type (table order) with
 * what was done ("deleted", "anonymised", "kept" or "none"), how many records, the field strategies and the
 * Art. 17(3) exemption. Idempotent: a second run finds nothing left to erase and reports the kept invoices
 * with their exemption again. `found` says whether anything of the subject was there.
 */
export async function eraseSubject(db: Db, email: string, keyedHashKey: Buffer): Promise<OperationResult> {
  const first = await findDemoUser(db, email);
  const bulk = first ? await deleteBulkRecords(db, first.id) : { usage_events: 0, alert_events: 0 };
  return db.$transaction(async (tx) => {
    const user = await findDemoUser(tx, email);
    const counts = await countRecords(tx, user, email);
    const done: Record<RecordType, number> = { ...counts };
    done.usage_events += bulk.usage_events;
    done.alert_events += bulk.alert_events;
    if (user) {
      const userId = user.id;
      const logs = recordTypeTable.notification_logs.erasure;
      if (logs.action !== "anonymise") throw new Error("erase: notification logs are meant to be anonymised");
      // Every strategy is computed from the fields the rows are selected by (userId), so one update serves all.
      const data = anonymisedFields({ userId }, logs.fields, keyedHashKey);
      done.notification_logs = (await tx.demoNotificationLog.updateMany({ where: { userId }, data })).count;
      done.support_messages = (await tx.demoSupportMessage.deleteMany({ where: { ticket: { userId } } })).count;
      done.support_tickets = (await tx.demoSupportTicket.deleteMany({ where: { userId } })).count;
      done.usage_events = bulk.usage_events + (await tx.demoUsageEvent.deleteMany({ where: { userId } })).count;
      done.alert_events = bulk.alert_events + (await tx.demoAlertEvent.deleteMany({ where: { userId } })).count;
      done.devices = (await tx.demoDevice.deleteMany({ where: { userId } })).count;
      done.consents = (await tx.demoConsent.deleteMany({ where: { userId } })).count;
      done.marketing_preferences = (await tx.demoMarketingPreference.deleteMany({ where: { userId } })).count;
      done.processing_objections = (await tx.demoProcessingObjection.deleteMany({ where: { userId } })).count;
      done.user = (await tx.demoUser.deleteMany({ where: { id: userId } })).count;
    }
    const records: RecordTypeResult[] = recordTypes.map((type) => {
      const rule = recordTypeTable[type].erasure;
      const action = rule.action === "delete" ? "deleted" : rule.action === "anonymise" ? "anonymised" : "kept";
      const exemption = rule.action === "delete" ? undefined : rule.exemption;
      return recordResult(type, action, done[type], {
        fields: fieldsReport(rule),
        ...(exemption ? { exemption } : {}),
      });
    });
    return { found: Object.values(done).some((count) => count > 0), records };
  });
}

/** Rows per batch when deleting the bulk tables. */
const ERASE_BATCH = 10_000;

/** The two bulk tables as deleteBulkRecords uses them (Prisma's delegates fit this shape). */
interface BulkTable {
  findMany(args: {
    where: { userId: string };
    orderBy: { id: "asc" };
    skip: number;
    take: number;
    select: { id: true };
  }): Promise<Array<{ id: number }>>;
  deleteMany(args: { where: { userId: string; id?: { lte: number } } }): Promise<{ count: number }>;
}

/** Deletes the user's usage and alert events, ERASE_BATCH rows (ids ascending) per statement; counts per type. */
async function deleteBulkRecords(db: Db, userId: string): Promise<{ usage_events: number; alert_events: number }> {
  const deleteAll = (table: BulkTable) =>
    inBatches(async () => {
      const [edge] = await table.findMany({
        where: { userId },
        orderBy: { id: "asc" },
        skip: ERASE_BATCH - 1,
        take: 1,
        select: { id: true },
      });
      return (await table.deleteMany({ where: { userId, ...(edge ? { id: { lte: edge.id } } : {}) } })).count;
    });
  return { usage_events: await deleteAll(db.demoUsageEvent), alert_events: await deleteAll(db.demoAlertEvent) };
}

async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < ERASE_BATCH) return total;
  }
}
