// Appending one entry on a request's audit chain from the fulfilment side (task changes, planning), with
// the request's head moved in the same transaction. A head that moved under us means another writer
// appended at the same moment: AuditHeadMoved makes the caller's transaction roll back (Art. 5(2)).
import { appendAuditEntry } from "../../audit/append-audit-entry";
import type { Tx } from "../../db/tx";
import type { Actor } from "../../requests/workflow/actor";

/** Thrown when the request's audit head moved under us: the caller's transaction must roll back and retry. */
export class AuditHeadMoved extends Error {
  constructor() {
    super("the request's audit chain moved during a task change");
  }
}

export interface RequestChainEntry {
  request: { id: string; auditHeadSeq: number; auditHeadHash: string | null };
  actor: Actor;
  event: string;
  details: Record<string, unknown>;
  public: boolean;
  now: Date;
}

/** Appends `entry` at the head of its request's chain inside `tx`; throws AuditHeadMoved on a race. */
export async function appendRequestChainEntry(tx: Tx, entry: RequestChainEntry): Promise<void> {
  const { request } = entry;
  const written = await appendAuditEntry(tx, {
    chain: request.id,
    requestId: request.id,
    head: { seq: request.auditHeadSeq, hash: request.auditHeadHash },
    actor: entry.actor,
    event: entry.event,
    fromStatus: null,
    toStatus: null,
    details: entry.details,
    public: entry.public,
    createdAt: entry.now,
  });
  const moved = await tx.request.updateMany({
    where: { id: request.id, auditHeadSeq: request.auditHeadSeq },
    data: { auditHeadSeq: written.seq, auditHeadHash: written.hash },
  });
  if (moved.count !== 1) throw new AuditHeadMoved();
}
