// The moment a session's second factor is proven: `Session.secondFactorAt`, which the policy reads
// (./session-policy.ts: a pending session reaches nothing) and which later asks a staff member for the
// code again before a subject's files or masked data (issue 13: when the last proof is older than 15 minutes).
import type { Tx } from "../../db/tx";

/** A session row and the user it must belong to. */
export interface SessionOfUser {
  id: string;
  userId: string;
}

/**
 * Sets `secondFactorAt = now` on `session`. Throws when the row is gone (the session ended meanwhile)
 * or belongs to someone else, so that the caller's transaction rolls back and no code is spent for nothing.
 */
export async function recordSecondFactor(tx: Tx, session: SessionOfUser, now: Date): Promise<void> {
  const { count } = await tx.session.updateMany({
    where: { id: session.id, userId: session.userId },
    data: { secondFactorAt: now },
  });
  if (count !== 1) throw new Error("the session ended before its second factor could be recorded");
}
