// Looking a session up by its cookie's token: the one check behind every signed-in page, server
// action, route and next-auth's own endpoints (through the adapter). A session the server ended
// (sign-out, sign out everywhere, a deactivated account) has no row and counts for nothing, even
// if someone kept a copy of the cookie.
import type { Db } from "../../db/client";
import { logger } from "../../log/logger";
import { roleOf, sessionState, type SessionPolicy } from "./session-policy";
import { sessionTokenHash } from "./session-token";
import type { StaffRole } from "../../requests/workflow/actor";

export interface StoredSession {
  id: string;
  userId: string;
  email: string;
  name: string | null;
  locale: "de" | "en";
  role: StaffRole | null;
  emailVerified: Date | null;
  /** The absolute end. */
  expires: Date;
  /** Where the role's second factor stands in this session (./session-policy.ts). */
  secondFactor: "not_required" | "verified" | "pending";
  /** When the second factor was last proven in this session (for steps that want a recent one). */
  secondFactorAt: Date | null;
}

/**
 * The live session the token belongs to, or null (unknown token, past its end, idle too long, a
 * deactivated account).
 * A dead session's row is deleted on the way. For roles with an idle timeout, `lastSeenAt` is
 * moved on (at most once a minute); a failure to write it does not fail the request.
 */
export async function readSession(
  db: Db,
  token: string | null | undefined,
  policy: SessionPolicy,
  now: Date = new Date(),
): Promise<StoredSession | null> {
  if (!token || token.length > 200) return null;
  const row = await db.session.findUnique({
    where: { tokenHash: sessionTokenHash(token) },
    select: {
      id: true,
      userId: true,
      expires: true,
      lastSeenAt: true,
      secondFactorAt: true,
      user: { select: { email: true, name: true, locale: true, role: true, emailVerified: true, deactivatedAt: true } },
    },
  });
  if (!row) return null;
  const role = roleOf(row.user.role);
  const state = sessionState(policy, role, row, now);
  // Deactivating deletes the account's sessions; this catches one created in a race with it.
  if (!state.live || row.user.deactivatedAt) {
    await db.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (state.touch && policy[role].idleMinutes !== null) {
    await db.session
      .updateMany({ where: { id: row.id }, data: { lastSeenAt: now } })
      .catch((error: unknown) => logger.warn({ err: error }, "could not record a session's last use"));
  }
  return {
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    locale: row.user.locale === "en" ? "en" : "de",
    role: row.user.role,
    emailVerified: row.user.emailVerified,
    expires: row.expires,
    secondFactor: state.secondFactor,
    secondFactorAt: row.secondFactorAt,
  };
}
