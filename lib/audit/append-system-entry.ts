// The audit chain of events that belong to no request (chain "system"): staff accounts, second
// factors, template and settings changes, reveals outside a case. Same rows, hash and verification
// as a request's chain (`npm run -s audit:verify` walks it too); its head is its newest entry, as it
// has no request row to keep one.
import { flavorOf, type Db } from "../db/client";
import type { Tx } from "../db/tx";
import type { Actor } from "../requests/workflow/actor";
import { appendAuditEntry, type WrittenAuditEntry } from "./append-audit-entry";

export const SYSTEM_CHAIN = "system";

export interface SystemAuditInput {
  actor: Actor;
  /** e.g. "staff_invited", "second_factor_reset". */
  event: string;
  details: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
  createdAt: Date;
}

/**
 * Appends `input` at the head of the system chain inside `tx` (the transaction that makes the change
 * it records), which must be one begun by `inSystemChainTransaction`.
 */
export async function appendSystemAuditEntry(tx: Tx, input: SystemAuditInput): Promise<WrittenAuditEntry> {
  const head = await tx.auditEntry.findFirst({
    where: { chain: SYSTEM_CHAIN },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  return appendAuditEntry(tx, {
    chain: SYSTEM_CHAIN,
    requestId: null,
    head: head ?? { seq: 0, hash: null },
    actor: input.actor,
    event: input.event,
    fromStatus: null,
    toStatus: null,
    details: input.details,
    public: false,
    ip: input.ip,
    userAgent: input.userAgent,
    createdAt: input.createdAt,
  });
}

/** Any constant both sides agree on: the key of the system chain's PostgreSQL advisory lock. */
const SYSTEM_CHAIN_LOCK = 7_462_001;

/**
 * Runs `work` in a transaction in which the system chain is the caller's alone until it commits:
 * PostgreSQL takes a transaction-scoped advisory lock first (without it, concurrent appends collide
 * on (chain, seq)); SQLite's write transactions already take turns (lib/db/sqlite-adapter.ts).
 * System events are rare (staff and settings changes), so waiting costs nothing worth measuring.
 */
export async function inSystemChainTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const postgres = flavorOf(db) === "postgres";
  return db.$transaction(async (tx) => {
    if (postgres) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SYSTEM_CHAIN_LOCK})`);
    return work(tx);
  });
}
