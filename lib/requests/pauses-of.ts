// The pauses of the legal clock (Art. 12(6): waiting for the subject), as the deadline engine wants them.
import type { Tx } from "../db/tx";
import type { Pause } from "../deadlines";

/** Time spent in awaiting_subject, read from the status changes in the audit log. */
export async function pausesOf(tx: Pick<Tx, "auditEntry">, requestId: string): Promise<Pause[]> {
  const changes = await tx.auditEntry.findMany({
    where: { requestId, OR: [{ toStatus: "awaiting_subject" }, { fromStatus: "awaiting_subject" }] },
    orderBy: { seq: "asc" },
    select: { fromStatus: true, toStatus: true, createdAt: true },
  });
  const pauses: Pause[] = [];
  for (const change of changes) {
    if (change.fromStatus === change.toStatus) continue;
    if (change.toStatus === "awaiting_subject") pauses.push({ from: change.createdAt, to: null });
    else if (pauses.length && pauses[pauses.length - 1]!.to === null) pauses[pauses.length - 1]!.to = change.createdAt;
  }
  return pauses;
}
