// The IP address and user agent of an audit entry show who acted, which matters while misuse can still
// be looked into; after that they are personal data kept without need (Art. 5(1)(c), (e) GDPR). The
// retention job erases them once an entry is older than AUDIT_CLIENT_RETENTION_DAYS, and audit:verify
// accepts their absence on such entries. The chain commits to them only by digest (personalDigest), so
// it still verifies.
import type { Tx } from "../db/tx";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Entries created at or before this instant may have lost their IP address and user agent. */
export function clientDataCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Erases IP address and user agent of every audit entry created at or before `cutoff`; returns how many entries. */
export async function eraseClientData(db: Pick<Tx, "auditEntry">, cutoff: Date): Promise<number> {
  const erased = await db.auditEntry.updateMany({
    where: { createdAt: { lte: cutoff }, OR: [{ ip: { not: null } }, { userAgent: { not: null } }] },
    data: { ip: null, userAgent: null },
  });
  return erased.count;
}
