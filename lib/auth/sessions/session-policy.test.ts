// The session policy, pure: an absolute end nothing moves, idle timeouts where a role has one, and
// a second factor the policy can require per role.
import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_POLICY, sessionExpiry, sessionState, type SessionPolicy } from "./session-policy";

const start = new Date("2026-11-30T08:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe("session policy", () => {
  it("ends every session 8 hours after sign-in, whatever happened in between", () => {
    for (const role of ["subject", "dpo", "privacy_team", "admin", "auditor"] as const) {
      const expires = sessionExpiry(DEFAULT_SESSION_POLICY, role, start);
      expect(expires.toISOString()).toBe("2026-11-30T16:00:00.000Z");
      // Used a minute before the end: still live; at the end: over, however recently it was used.
      const recent = { expires, lastSeenAt: at(479), secondFactorAt: null };
      expect(sessionState(DEFAULT_SESSION_POLICY, role, recent, at(479)).live).toBe(true);
      expect(sessionState(DEFAULT_SESSION_POLICY, role, recent, at(480))).toEqual({ live: false, reason: "expired" });
    }
  });

  it("ends a staff session after 30 idle minutes; a data subject's has no idle timeout", () => {
    const expires = sessionExpiry(DEFAULT_SESSION_POLICY, "dpo", start);
    const idle = { expires, lastSeenAt: start, secondFactorAt: null };
    expect(sessionState(DEFAULT_SESSION_POLICY, "dpo", idle, at(30)).live).toBe(true);
    expect(sessionState(DEFAULT_SESSION_POLICY, "dpo", idle, at(31))).toEqual({ live: false, reason: "idle" });
    expect(sessionState(DEFAULT_SESSION_POLICY, "subject", idle, at(300)).live).toBe(true);
  });

  it("asks for the last use to be written at most once a minute", () => {
    const session = { expires: at(480), lastSeenAt: start, secondFactorAt: null };
    expect(sessionState(DEFAULT_SESSION_POLICY, "admin", session, at(0.5))).toMatchObject({ touch: false });
    expect(sessionState(DEFAULT_SESSION_POLICY, "admin", session, at(1))).toMatchObject({ touch: true });
  });

  it("holds every staff session at 'pending' until the second factor is proven; a data subject's needs none", () => {
    const session = { expires: at(480), lastSeenAt: start, secondFactorAt: null };
    for (const role of ["dpo", "privacy_team", "admin", "auditor"] as const) {
      expect(sessionState(DEFAULT_SESSION_POLICY, role, session, at(1))).toMatchObject({
        live: true,
        secondFactor: "pending",
      });
      expect(sessionState(DEFAULT_SESSION_POLICY, role, { ...session, secondFactorAt: at(1) }, at(2))).toMatchObject({
        secondFactor: "verified",
      });
    }
    expect(sessionState(DEFAULT_SESSION_POLICY, "subject", session, at(1))).toMatchObject({
      secondFactor: "not_required",
    });
    // A policy may still leave a role without one (the flag is the policy's, not hard-wired).
    const lax: SessionPolicy = {
      ...DEFAULT_SESSION_POLICY,
      dpo: { ...DEFAULT_SESSION_POLICY.dpo, secondFactor: false },
    };
    expect(sessionState(lax, "dpo", session, at(1))).toMatchObject({ secondFactor: "not_required" });
  });
});
