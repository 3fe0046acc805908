// Field-level anonymisation for records a legal duty keeps (Art. 17(3)): each field of the record-type
// table's strategy becomes null, a fixed replacement, or a keyed hash (HMAC-SHA256) of another field, so
// that the kept record still proves what it must (e.g. how many billed messages one user had) without
// naming the person to anyone who lacks the key. Pure (node:crypto only).
import { createHmac } from "node:crypto";
import type { RecordTypeResult } from "../connectors/types";
import type { ErasureRule, FieldStrategy } from "./record-types";

/** HMAC-SHA256 of `value` (UTF-8) under `key`, as 64 lower-case hex digits. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(value, "utf8").digest("hex");
}

/**
 * The new values of the anonymised fields of `row` (the row as it was, before any field changed), e.g.
 * `{ subjectKey: "3f…", userId: null, phoneNumber: null }`. Throws when a keyed hash names a field the row
 * lacks or holds no text in: hashing a missing value would make every record alike and prove nothing.
 */
export function anonymisedFields(
  row: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, FieldStrategy>>,
  key: Buffer,
): Record<string, string | null> {
  const data: Record<string, string | null> = {};
  for (const [field, strategy] of Object.entries(fields)) {
    if (strategy.kind === "null") data[field] = null;
    else if (strategy.kind === "replace") data[field] = strategy.value;
    else {
      const source = row[strategy.of];
      if (typeof source !== "string" || source === "") {
        throw new Error(`anonymise: ${field} is a keyed hash of ${strategy.of}, which the record does not hold`);
      }
      data[field] = keyedHash(key, source);
    }
  }
  return data;
}

/** The erasure rule's field strategies as RecordTypeResult.fields names them ("*": the whole row). */
export function fieldsReport(rule: ErasureRule): RecordTypeResult["fields"] {
  if (rule.action === "delete") return { "*": "delete_row" };
  if (rule.action === "keep") return undefined;
  return Object.fromEntries(Object.entries(rule.fields).map(([field, strategy]) => [field, strategy.kind]));
}
