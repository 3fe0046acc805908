// Where a magic link leads once it is spent. A staff session whose role needs a second factor
// reaches nothing else yet (lib/auth/sessions/session-policy.ts), so it goes to the TOTP page first,
// and from there to the back-office page it was asked for (any other page would take a session
// without the second factor for signed out).
import { roleOf, type SessionPolicy } from "../../auth/sessions/session-policy";
import type { Locale } from "../../i18n/locales";
import type { StaffRole } from "../../requests/workflow/actor";
import { backofficeHome } from "./capabilities";
import { isBackofficePath, secondFactorPath } from "./staff-gate";

/**
 * The path after signing in as `role` with the (already checked) `callbackPath` in `locale`: the TOTP
 * page returning to `callbackPath` if that is a back-office path, else to the role's back-office home, for
 * roles with a second factor under `policy`; `callbackPath` itself for everyone else.
 */
export function afterSignInPath(
  role: StaffRole | null,
  callbackPath: string,
  locale: Locale,
  policy: SessionPolicy,
): string {
  if (!role || !policy[roleOf(role)].secondFactor) return callbackPath;
  return secondFactorPath(locale, isBackofficePath(callbackPath, locale) ? callbackPath : backofficeHome(locale, role));
}
