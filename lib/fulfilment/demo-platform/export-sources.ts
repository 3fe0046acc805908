// The subject's records in the demo platform as export sources (Art. 15(3), Art. 20(1)): one source per
// record type that holds any, each read lazily in keyset batches of 1,000 (keyset.ts) when the export job
// iterates it, so a million usage events pass through with bounded memory. Every string value passes the
// `redact` callback before it leaves the connector (Art. 15(4): others' rights).
import type { Db } from "../../db/client";
import type { CategorisedSource } from "../connectors/types";
import { keysetRows } from "./keyset";
import { recordTypeTable, recordTypes, type RecordType } from "./record-types";
import { countRecords, findDemoUser } from "./subject";

export type Redact = (recordType: string, recordId: string, field: string, value: string) => string;

type Row = Record<string, unknown> & { id: string | number };
type Fetch = (after: string | number | undefined, take: number) => Promise<Row[]>;

interface SourceSpec {
  /** The CSV columns, in order; every row has exactly these keys. */
  columns: readonly string[];
  fetch: Fetch;
}

const page = (take: number) => ({ orderBy: { id: "asc" as const }, take });

/** The Prisma reads behind each record type's source, for one user (and the billing address for invoices). */
function specs(db: Db, userId: string | null, email: string): Record<RecordType, SourceSpec> {
  const uid = userId ?? "";
  const gt = <T extends string | number>(after: T | undefined) => (after === undefined ? {} : { id: { gt: after } });
  return {
    user: {
      columns: [
        "id",
        "email",
        "name",
        "phone",
        "timeZone",
        "customerId",
        "accountName",
        "restrictedAt",
        "supplementaryStatement",
        "createdAt",
        "updatedAt",
      ],
      fetch: async (after) => {
        if (after !== undefined || !userId) return [];
        const user = await db.demoUser.findUnique({ where: { id: userId }, include: { account: true } });
        if (!user) return [];
        const { account, accountId: _accountId, ...rest } = user;
        return [{ ...rest, customerId: account.customerId, accountName: account.name }];
      },
    },
    devices: {
      columns: ["id", "deviceId", "type", "pushToken", "createdAt"],
      fetch: (after, take) =>
        db.demoDevice.findMany({
          where: { userId: uid, ...gt(after as string) },
          ...page(take),
          omit: { userId: true },
        }),
    },
    usage_events: {
      columns: ["id", "action", "ipAddress", "occurredAt"],
      fetch: (after, take) =>
        db.demoUsageEvent.findMany({
          where: { userId: uid, ...gt(after as number) },
          ...page(take),
          omit: { userId: true },
        }),
    },
    alert_events: {
      columns: ["id", "summary", "ipAddress", "occurredAt"],
      fetch: (after, take) =>
        db.demoAlertEvent.findMany({
          where: { userId: uid, ...gt(after as number) },
          ...page(take),
          omit: { userId: true },
        }),
    },
    notification_logs: {
      columns: ["id", "channel", "phoneNumber", "status", "sentAt"],
      fetch: (after, take) =>
        db.demoNotificationLog.findMany({
          where: { userId: uid, ...gt(after as number) },
          ...page(take),
          omit: { userId: true, subjectKey: true },
        }),
    },
    support_tickets: {
      columns: ["id", "subject", "status", "createdAt"],
      fetch: (after, take) =>
        db.demoSupportTicket.findMany({
          where: { userId: uid, ...gt(after as string) },
          ...page(take),
          omit: { userId: true },
        }),
    },
    support_messages: {
      columns: ["id", "ticketId", "authorRole", "authorName", "body", "createdAt"],
      fetch: (after, take) =>
        db.demoSupportMessage.findMany({ where: { ticket: { userId: uid }, ...gt(after as string) }, ...page(take) }),
    },
    consents: {
      columns: ["id", "purpose", "givenAt", "withdrawnAt"],
      fetch: (after, take) =>
        db.demoConsent.findMany({
          where: { userId: uid, ...gt(after as string) },
          ...page(take),
          omit: { userId: true },
        }),
    },
    marketing_preferences: {
      columns: ["id", "newsletter", "productNews", "updatedAt"],
      fetch: async (after) => {
        if (after !== undefined || !userId) return [];
        const preference = await db.demoMarketingPreference.findUnique({ where: { userId } });
        if (!preference) return [];
        const { userId: id, ...rest } = preference;
        return [{ id, ...rest }];
      },
    },
    processing_objections: {
      columns: ["id", "processing", "since"],
      fetch: (after, take) =>
        db.demoProcessingObjection.findMany({
          where: { userId: uid, ...gt(after as string) },
          ...page(take),
          omit: { userId: true },
        }),
    },
    invoices: {
      columns: ["id", "number", "billingName", "billingEmail", "amountCents", "issuedAt"],
      fetch: (after, take) =>
        db.demoInvoice.findMany({
          where: { billingEmail: email, ...gt(after as string) },
          ...page(take),
          omit: { accountId: true },
        }),
    },
  };
}

/** `row` with `redact` applied to each string value (the record id is the row's id as text). */
export function redactRow(recordType: string, row: Row, redact: Redact | undefined): Record<string, unknown> {
  if (!redact) return row;
  const recordId = String(row.id);
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    out[field] = typeof value === "string" ? redact(recordType, recordId, field, value) : value;
  }
  return out;
}

async function* redactedRows(recordType: string, spec: SourceSpec, redact: Redact | undefined) {
  for await (const row of keysetRows(spec.fetch)) yield redactRow(recordType, row, redact);
}

/**
 * The subject's export sources under `system` (a safe path segment): one per record type with at least one
 * record (types with none are left out, so the Art. 15(1) report names only categories actually found), each
 * with its columns, `total` (counted now), categories, register entries and whether the subject provided it.
 * The rows are read only when iterated; iterate each once.
 */
export async function exportSources(
  db: Db,
  email: string,
  system: string,
  redact?: Redact,
): Promise<CategorisedSource[]> {
  const address = email.trim().toLowerCase();
  const user = await findDemoUser(db, address);
  const counts = await countRecords(db, user, address);
  const all = specs(db, user?.id ?? null, address);
  return recordTypes
    .filter((type) => counts[type] > 0)
    .map((type) => {
      const info = recordTypeTable[type];
      return {
        system,
        recordType: type,
        columns: all[type].columns,
        total: counts[type],
        rows: redactedRows(type, all[type], redact),
        categories: info.categories,
        providedBySubject: info.providedBySubject,
        registerEntries: info.registerEntries,
      };
    });
}
