import { describe, expect, it } from "vitest";
import { auditHash, canonicalJson, personalDigest, type HashedAuditFields } from "./hash";

const entry: HashedAuditFields = {
  chain: "req1",
  seq: 2,
  requestId: "req1",
  actorType: "staff",
  actorId: "u1",
  actorRole: "dpo",
  event: "extended",
  fromStatus: "in_progress",
  toStatus: "in_progress",
  details: canonicalJson({ reason: "three processors", due: "2027-02-02" }),
  public: true,
  personalDigest: personalDigest("203.0.113.7", "Firefox"),
  createdAt: new Date("2026-11-03T10:00:00.123Z"),
  prevHash: "a".repeat(64),
};

describe("audit hash", () => {
  it("is a SHA-256 hex digest, independent of key order and of extra columns", () => {
    const hash = auditHash(entry);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as unknown as HashedAuditFields;
    expect(auditHash(reordered)).toBe(hash);
    expect(auditHash({ ...entry, id: "x", hash: "y" } as HashedAuditFields)).toBe(hash);
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it("commits to the IP address and user agent through their digest only", () => {
    expect(personalDigest(null, null)).toBeNull();
    expect(personalDigest("203.0.113.7", null)).toMatch(/^[0-9a-f]{64}$/);
    expect(personalDigest("203.0.113.7", null)).not.toBe(personalDigest(null, "203.0.113.7"));
  });

  it.each(Object.keys(entry) as Array<keyof HashedAuditFields>)("changes when %s changes", (field) => {
    const changed: Record<keyof HashedAuditFields, unknown> = {
      chain: "req2",
      seq: 3,
      requestId: "req2",
      actorType: "system",
      actorId: "u2",
      actorRole: "admin",
      event: "refused",
      fromStatus: "received",
      toStatus: "refused",
      details: "{}",
      public: false,
      personalDigest: personalDigest("198.51.100.1", "x"),
      createdAt: new Date("2026-11-03T10:00:00.124Z"),
      prevHash: "b".repeat(64),
    };
    expect(auditHash({ ...entry, [field]: changed[field] })).not.toBe(auditHash(entry));
  });
});
