// One runner per job at a time, across processes and machines: a runner takes the
// job's lease row when it is free or expired (compare-and-set), and gives it back
// when done. A runner that dies keeps it only until leaseUntil.
import type { Db } from "../db/client";

export async function acquireLease(db: Db, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const leaseUntil = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({
    where: { name, OR: [{ leaseUntil: { lte: now } }, { holder }] },
    data: { holder, leaseUntil },
  });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, leaseUntil } });
    return true;
  } catch (error) {
    // Another runner created it first (unique name) or holds it now.
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

export async function releaseLease(db: Db, name: string, holder: string, outcome: string, now: Date): Promise<void> {
  await db.jobLease.updateMany({
    where: { name, holder },
    data: { leaseUntil: now, lastRunAt: now, lastOutcome: outcome.slice(0, 2000) },
  });
}
