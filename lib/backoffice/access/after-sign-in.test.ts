// Where a spent magic link leads: staff to the TOTP page first (back to the back-office page they
// asked for, or the back office's home), everyone else straight on.
import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "../../auth/sessions/session-policy";
import { afterSignInPath } from "./after-sign-in";

describe("the path after signing in", () => {
  it("sends every staff role to the TOTP page, returning to a back-office path only", () => {
    for (const role of ["dpo", "privacy_team", "admin", "auditor"] as const) {
      expect(afterSignInPath(role, "/en/backoffice/requests/DSR-1", "en", DEFAULT_SESSION_POLICY)).toBe(
        "/en/backoffice/second-factor?next=%2Fen%2Fbackoffice%2Frequests%2FDSR-1",
      );
      // The default callback (the subject's requests) would treat the session as signed out: the role's
      // back-office home instead (an admin, who sees no requests, starts at the staff accounts).
      const home = role === "admin" ? "%2Fde%2Fbackoffice%2Fstaff" : "%2Fde%2Fbackoffice";
      expect(afterSignInPath(role, "/de/my/requests", "de", DEFAULT_SESSION_POLICY)).toBe(
        `/de/backoffice/second-factor?next=${home}`,
      );
      // Another language's back office is not this page's.
      expect(afterSignInPath(role, "/en/backoffice", "de", DEFAULT_SESSION_POLICY)).toBe(
        `/de/backoffice/second-factor?next=${home}`,
      );
    }
  });

  it("sends a data subject, and staff under a policy without the second factor, where they asked", () => {
    expect(afterSignInPath(null, "/de/my/requests/DSR-1", "de", DEFAULT_SESSION_POLICY)).toBe("/de/my/requests/DSR-1");
    const lax: SessionPolicy = {
      ...DEFAULT_SESSION_POLICY,
      admin: { ...DEFAULT_SESSION_POLICY.admin, secondFactor: false },
    };
    expect(afterSignInPath("admin", "/en/my/requests", "en", lax)).toBe("/en/my/requests");
  });
});
