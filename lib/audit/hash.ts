// The tamper evidence of the audit log: each entry's hash covers its own content
// and the previous entry's hash, so changing or removing any entry breaks every
// hash after it. Canonical JSON (RFC 8785) makes the bytes independent of key order.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/** Everything an entry says, in the form that is hashed. */
export interface HashedAuditFields {
  chain: string;
  seq: number;
  requestId: string | null;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  event: string;
  fromStatus: string | null;
  toStatus: string | null;
  /** Already canonical JSON text, hashed as stored. */
  details: string;
  public: boolean;
  /** Digest of the personal fields (ip, user agent) instead of the fields themselves; see personalDigest(). */
  personalDigest: string | null;
  createdAt: Date;
  prevHash: string | null;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The chain commits to the IP address and user agent only through this digest, so
 * that the retention job can erase them (Art. 5(1)(e) storage limitation) and the
 * chain still verifies; while they are present, verification checks them against it.
 */
export function personalDigest(ip: string | null, userAgent: string | null): string | null {
  return ip === null && userAgent === null ? null : sha256(canonicalJson({ ip, userAgent }));
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("value cannot be represented as JSON");
  return text;
}

/** Hashes exactly the listed fields, so a row read back with extra columns (id, hash) hashes the same. */
export function auditHash(f: HashedAuditFields): string {
  const payload = canonicalJson({
    chain: f.chain,
    seq: f.seq,
    requestId: f.requestId,
    actorType: f.actorType,
    actorId: f.actorId,
    actorRole: f.actorRole,
    event: f.event,
    fromStatus: f.fromStatus,
    toStatus: f.toStatus,
    details: f.details,
    public: f.public,
    personalDigest: f.personalDigest,
    createdAt: f.createdAt.toISOString(),
    prevHash: f.prevHash,
  });
  return sha256(payload);
}
