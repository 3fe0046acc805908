// How long a signed-in session may live, per kind of user, and whether it needs a second factor.
// Pure: the session store (./read-session.ts) and sign-in (../links/redeem-link.ts) apply it.
//
// Every session has an absolute end fixed at sign-in: using it never moves it, so a copied cookie
// is worth at most that long. Staff sessions also end after a pause (an unattended back-office
// screen), and the policy says per role whether a second factor must be proven before the session
// reaches anything: every staff role must (the back office's TOTP page, issue 13).
import type { StaffRole } from "../../requests/workflow/actor";

export type SessionRole = "subject" | StaffRole;

export interface RolePolicy {
  /** Hours from sign-in to the session's absolute end. */
  absoluteHours: number;
  /** Minutes without a request after which the session ends; null: no idle timeout. */
  idleMinutes: number | null;
  /** Whether the session reaches nothing until a second factor is proven in it. */
  secondFactor: boolean;
}

export type SessionPolicy = Record<SessionRole, RolePolicy>;

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  subject: { absoluteHours: 8, idleMinutes: null, secondFactor: false },
  dpo: { absoluteHours: 8, idleMinutes: 30, secondFactor: true },
  privacy_team: { absoluteHours: 8, idleMinutes: 30, secondFactor: true },
  admin: { absoluteHours: 8, idleMinutes: 30, secondFactor: true },
  auditor: { absoluteHours: 8, idleMinutes: 30, secondFactor: true },
};

/** `lastSeenAt` is written at most this often: a page view is not worth a write each time. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export function roleOf(staffRole: StaffRole | null | undefined): SessionRole {
  return staffRole ?? "subject";
}

/** The absolute end of a session started at `createdAt` by someone of `role`. */
export function sessionExpiry(policy: SessionPolicy, role: SessionRole, createdAt: Date): Date {
  return new Date(createdAt.getTime() + policy[role].absoluteHours * 3_600_000);
}

export type SessionState =
  | { live: true; secondFactor: "not_required" | "verified" | "pending"; touch: boolean }
  | { live: false; reason: "expired" | "idle" };

/**
 * Whether a stored session still counts at `now`, by its absolute end and the role's idle timeout,
 * and where its second factor stands. `touch` says whether `lastSeenAt` is due to be written.
 */
export function sessionState(
  policy: SessionPolicy,
  role: SessionRole,
  session: { expires: Date; lastSeenAt: Date; secondFactorAt: Date | null },
  now: Date,
): SessionState {
  if (session.expires.getTime() <= now.getTime()) return { live: false, reason: "expired" };
  const rule = policy[role];
  if (rule.idleMinutes !== null && now.getTime() - session.lastSeenAt.getTime() > rule.idleMinutes * 60_000) {
    return { live: false, reason: "idle" };
  }
  const secondFactor = !rule.secondFactor ? "not_required" : session.secondFactorAt ? "verified" : "pending";
  return { live: true, secondFactor, touch: now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS };
}
