import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { anonymisedFields, fieldsReport, keyedHash } from "./anonymise";
import { recordTypeTable } from "./record-types";

const key = Buffer.alloc(32, 7);

describe("field-level anonymisation", () => {
  it("keyedHash is HMAC-SHA256 hex under the key, and another key gives another hash", () => {
    expect(keyedHash(key, "user-1")).toBe(createHmac("sha256", key).update("user-1").digest("hex"));
    expect(keyedHash(key, "user-1")).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(Buffer.alloc(32, 8), "user-1")).not.toBe(keyedHash(key, "user-1"));
  });

  it("applies null, replace and keyed hash, each from the row as it was", () => {
    const row = { userId: "user-1", phoneNumber: "+49 30 23125 101", note: "call me" };
    expect(
      anonymisedFields(
        row,
        {
          subjectKey: { kind: "keyed_hash", of: "userId" },
          userId: { kind: "null" },
          phoneNumber: { kind: "null" },
          note: { kind: "replace", value: "[removed]" },
        },
        key,
      ),
    ).toEqual({ subjectKey: keyedHash(key, "user-1"), userId: null, phoneNumber: null, note: "[removed]" });
  });

  it("refuses a keyed hash of a field the row does not hold", () => {
    expect(() => anonymisedFields({ userId: null }, { subjectKey: { kind: "keyed_hash", of: "userId" } }, key)).toThrow(
      /keyed hash of userId/,
    );
  });

  it("reports the strategies as RecordTypeResult.fields names them", () => {
    expect(fieldsReport(recordTypeTable.usage_events.erasure)).toEqual({ "*": "delete_row" });
    expect(fieldsReport(recordTypeTable.notification_logs.erasure)).toEqual({
      subjectKey: "keyed_hash",
      userId: "null",
      phoneNumber: "null",
    });
    expect(fieldsReport(recordTypeTable.invoices.erasure)).toBeUndefined();
  });
});
