// Ending sessions on the server: deleting the row is what signs out, whatever happens to the
// cookie in the browser (a copy of it is worth nothing afterwards).
import type { Db } from "../../db/client";
import type { Tx } from "../../db/tx";
import { sessionTokenHash } from "./session-token";

/** Sign-out: ends the session this token belongs to (if any). Returns how many ended (0 or 1). */
export async function endSession(db: Db | Tx, token: string | null | undefined): Promise<number> {
  if (!token) return 0;
  return (await db.session.deleteMany({ where: { tokenHash: sessionTokenHash(token) } })).count;
}

/** "Sign out everywhere", or an account deactivated: ends every session of the user. Returns how many ended. */
export async function endAllSessions(db: Db | Tx, userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}
