// RecordTypeResult rows built from the record-type table, so every operation reports the same record types
// with the same register categories. Pure.
import type { RecordAction, RecordTypeResult } from "../connectors/types";
import { recordTypeTable, recordTypes, type RecordType } from "./record-types";

/** One record type's result: `action` when `count` > 0, "none" otherwise; the type's categories always. */
export function recordResult(
  recordType: RecordType,
  action: RecordAction,
  count: number,
  extra: Pick<RecordTypeResult, "fields" | "exemption"> = {},
): RecordTypeResult {
  return {
    recordType,
    action: count > 0 ? action : "none",
    count,
    ...(count > 0 ? extra : {}),
    categories: [...recordTypeTable[recordType].categories],
  };
}

/** A result for each of `types` (table order), all with one action, from counts per type. */
export function resultsFor(
  counts: Readonly<Record<RecordType, number>>,
  action: RecordAction,
  types: readonly RecordType[] = recordTypes,
): RecordTypeResult[] {
  return recordTypes.filter((type) => types.includes(type)).map((type) => recordResult(type, action, counts[type]));
}

/** The record types linked to the DemoUser row (everything but invoices, which belong to the account). */
export const userLinkedTypes: readonly RecordType[] = recordTypes.filter((type) => type !== "invoices");
