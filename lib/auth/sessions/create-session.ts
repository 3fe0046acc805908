// Starting a session at sign-in: a fresh random token for the cookie, its digest in the database,
// and an absolute end fixed now by the role's lifetime (./session-policy.ts).
import type { Db } from "../../db/client";
import type { Tx } from "../../db/tx";
import { roleOf, sessionExpiry, type SessionPolicy } from "./session-policy";
import { newSessionToken, sessionTokenHash } from "./session-token";
import type { StaffRole } from "../../requests/workflow/actor";

export interface NewSession {
  /** The cookie's value; never stored. */
  token: string;
  expires: Date;
}

/**
 * Stores a session for `user`, signed in at `now`. The second factor, where the role needs one, is
 * still to be proven: the session reaches nothing until then.
 */
export async function createSession(
  db: Db | Tx,
  user: { id: string; role: StaffRole | null },
  policy: SessionPolicy,
  now: Date,
): Promise<NewSession> {
  const token = newSessionToken();
  const expires = sessionExpiry(policy, roleOf(user.role), now);
  await db.session.create({
    data: { tokenHash: sessionTokenHash(token), userId: user.id, createdAt: now, expires, lastSeenAt: now },
  });
  return { token, expires };
}
