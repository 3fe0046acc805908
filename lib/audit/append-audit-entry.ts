// Writes one audit entry at the head of its chain. Called only inside the
// transaction that makes the change it records (transitionRequest, submitRequest).
import type { Tx } from "../db/tx";
import type { Actor } from "../requests/workflow/actor";
import { extractFreeText } from "./free-text";
import { auditHash, canonicalJson, personalDigest } from "./hash";

export interface AuditInput {
  chain: string;
  requestId: string | null;
  /** The chain's current head; seq 0 and hash null for a new chain. */
  head: { seq: number; hash: string | null };
  actor: Actor;
  event: string;
  fromStatus: string | null;
  toStatus: string | null;
  details: Record<string, unknown>;
  public: boolean;
  ip?: string | null;
  userAgent?: string | null;
  createdAt: Date;
}

export interface WrittenAuditEntry {
  id: string;
  seq: number;
  hash: string;
}

export function actorFields(actor: Actor) {
  return {
    actorType: actor.type,
    actorId: actor.type === "system" ? null : actor.userId,
    actorRole: actor.type === "staff" ? actor.role : null,
  };
}

export async function appendAuditEntry(tx: Tx, input: AuditInput): Promise<WrittenAuditEntry> {
  const seq = input.head.seq + 1;
  const details = await extractFreeText(input.details, async (text, sha256) => {
    const row = await tx.auditText.create({
      data: { chain: input.chain, seq, requestId: input.requestId, sha256, text },
      select: { id: true },
    });
    return row.id;
  });
  const ip = input.ip ?? null;
  const userAgent = input.userAgent ?? null;
  const fields = {
    chain: input.chain,
    seq,
    requestId: input.requestId,
    ...actorFields(input.actor),
    event: input.event,
    fromStatus: input.fromStatus,
    toStatus: input.toStatus,
    details: canonicalJson(details),
    public: input.public,
    personalDigest: personalDigest(ip, userAgent),
    createdAt: input.createdAt,
    prevHash: input.head.hash,
  };
  const hash = auditHash(fields);
  // The enum columns take the same strings the workflow uses.
  const created = await tx.auditEntry.create({
    data: { ...fields, ip, userAgent, hash } as Parameters<Tx["auditEntry"]["create"]>[0]["data"],
    select: { id: true },
  });
  return { id: created.id, seq: fields.seq, hash };
}
