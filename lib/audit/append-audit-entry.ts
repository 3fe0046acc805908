// Writes one audit entry at the head of its chain. Called only inside the
// transaction that makes the change it records (transitionRequest; submitRequest stores
// prepareAuditEntry's rows with direct statements, lib/db/direct/).
import type { DirectTx } from "../db/direct/direct-transaction";
import type { Tx } from "../db/tx";
import type { Actor } from "../requests/workflow/actor";
import { extractFreeText } from "./free-text";
import { auditHash, canonicalJson, personalDigest, type HashedAuditFields } from "./hash";
import { newId } from "../db/direct/new-id";

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

/** An audit entry ready to store: its row, and the rows of the free text its details refer to. */
export interface PreparedAuditEntry {
  texts: { id: string; chain: string; seq: number; requestId: string | null; sha256: string; text: string }[];
  entry: HashedAuditFields & { ip: string | null; userAgent: string | null; hash: string };
}

/**
 * Builds the entry at the head of its chain: free text moved out into text rows (ids from `makeId`),
 * the personal fields digested, the hash over the rest and the previous hash. Pure: storing it is the
 * caller's (appendAuditEntry with Prisma, the filing's direct statements).
 */
export async function prepareAuditEntry(input: AuditInput, makeId: () => string): Promise<PreparedAuditEntry> {
  const seq = input.head.seq + 1;
  const texts: PreparedAuditEntry["texts"] = [];
  const details = await extractFreeText(input.details, async (text, sha256) => {
    const id = makeId();
    texts.push({ id, chain: input.chain, seq, requestId: input.requestId, sha256, text });
    return id;
  });
  const ip = input.ip ?? null;
  const userAgent = input.userAgent ?? null;
  const fields: HashedAuditFields = {
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
  return { texts, entry: { ...fields, ip, userAgent, hash: auditHash(fields) } };
}

export async function appendAuditEntry(tx: Tx, input: AuditInput): Promise<WrittenAuditEntry> {
  const prepared = await prepareAuditEntry(input, newId);
  for (const text of prepared.texts) await tx.auditText.create({ data: text, select: { id: true } });
  // The enum columns take the same strings the workflow uses.
  const created = await tx.auditEntry.create({
    data: prepared.entry as Parameters<Tx["auditEntry"]["create"]>[0]["data"],
    select: { id: true },
  });
  return { id: created.id, seq: prepared.entry.seq, hash: prepared.entry.hash };
}

/** appendAuditEntry with direct statements (lib/db/direct/), for the filing: the same rows. */
export async function appendAuditEntryDirectly(tx: DirectTx, input: AuditInput): Promise<WrittenAuditEntry> {
  return storeAuditEntryDirectly(tx, await prepareAuditEntry(input, newId));
}

/** Stores an entry made by prepareAuditEntry with direct statements (its chain's head is the caller's). */
export async function storeAuditEntryDirectly(
  tx: DirectTx,
  { texts, entry }: PreparedAuditEntry,
): Promise<WrittenAuditEntry> {
  for (const text of texts) {
    await tx.run(
      `INSERT INTO "AuditText" ("id", "chain", "seq", "requestId", "sha256", "text", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [text.id, text.chain, text.seq, text.requestId, text.sha256, text.text, entry.createdAt],
    );
  }
  const id = newId();
  await tx.run(
    `INSERT INTO "AuditEntry" ("id", "chain", "seq", "requestId", "actorType", "actorId", "actorRole", "event",
       "fromStatus", "toStatus", "details", "public", "ip", "userAgent", "personalDigest", "createdAt", "prevHash", "hash")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      entry.chain,
      entry.seq,
      entry.requestId,
      entry.actorType,
      entry.actorId,
      entry.actorRole,
      entry.event,
      entry.fromStatus,
      entry.toStatus,
      entry.details,
      entry.public,
      entry.ip,
      entry.userAgent,
      entry.personalDigest,
      entry.createdAt,
      entry.prevHash,
      entry.hash,
    ],
  );
  return { id, seq: entry.seq, hash: entry.hash };
}
