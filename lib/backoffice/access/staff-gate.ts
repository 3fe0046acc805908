// The back office's data access layer starts here: every page, server action and route of the back
// office asks this gate for its viewer with the capability it needs, itself, never trusting a
// layout. The role is read from the database with the session (lib/auth/sessions/read-session.ts),
// so a changed role or a deactivated account counts from the next request on.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentSessionToken } from "../../auth/session";
import { readSession } from "../../auth/sessions/read-session";
import { DEFAULT_SESSION_POLICY } from "../../auth/sessions/session-policy";
import { db } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import type { StaffRole } from "../../requests/workflow/actor";
import { may, secondFactorFreshEnough, type Capability } from "./capabilities";

export interface StaffViewer {
  actor: { type: "staff"; userId: string; role: StaffRole };
  email: string;
  name: string | null;
  locale: Locale;
  sessionId: string;
  /** When the second factor was last proven in this session. */
  secondFactorAt: Date | null;
}

export type StaffLookup =
  | { kind: "signed_out" }
  /** Signed in, but as a data subject: the back office does not exist for them (404). */
  | { kind: "not_staff" }
  /** Staff whose session has not proven the second factor yet: only the TOTP page is open. */
  | { kind: "second_factor_pending"; viewer: StaffViewer }
  | { kind: "staff"; viewer: StaffViewer };

/** Who is signed in for the current request, as the back office sees them. Never throws for a bad cookie. */
export async function lookupStaff(now: Date = new Date()): Promise<StaffLookup> {
  const session = await readSession(db(), await currentSessionToken(), DEFAULT_SESSION_POLICY, now);
  if (!session) return { kind: "signed_out" };
  if (!session.role) return { kind: "not_staff" };
  const viewer: StaffViewer = {
    actor: { type: "staff", userId: session.userId, role: session.role },
    email: session.email,
    name: session.name,
    locale: session.locale,
    sessionId: session.id,
    secondFactorAt: session.secondFactorAt,
  };
  return session.secondFactor === "pending" ? { kind: "second_factor_pending", viewer } : { kind: "staff", viewer };
}

/** The sign-in page, leading back to `returnPath` (without its query: the sign-in form keeps paths only). */
export function signInPath(locale: Locale, returnPath: string): string {
  return `/${locale}/sign-in?${new URLSearchParams({ callbackUrl: returnPath.split("?")[0] ?? "" })}`;
}

/** The back office's TOTP page, returning to `next` afterwards. */
export function secondFactorPath(locale: Locale, next: string, reason?: "fresh"): string {
  const query = new URLSearchParams({ next });
  if (reason) query.set("reason", reason);
  return `/${locale}/backoffice/second-factor?${query}`;
}

/** Whether `value` is a back-office path of `locale` safe to return to after sign-in or TOTP. */
export function isBackofficePath(value: unknown, locale: Locale): value is string {
  return (
    typeof value === "string" &&
    value.length <= 2_048 &&
    value.startsWith(`/${locale}/backoffice`) &&
    !value.includes("//") &&
    !value.includes("\\")
  );
}

/**
 * The viewer for a back-office page or server action that needs `capability`. Otherwise it does not
 * return: signed out → the sign-in page (back to `returnPath` afterwards); a data subject → 404, as
 * if the back office did not exist; second factor pending → the TOTP page; a role without the
 * capability → 404; a second factor not recent enough for a `fresh` capability → the TOTP page.
 * `capability` null: any staff role (the TOTP page's own neighbours, e.g. the back office's home).
 */
export async function requireStaff(
  locale: Locale,
  capability: Capability | null,
  returnPath: string,
): Promise<StaffViewer> {
  const now = new Date();
  const lookup = await lookupStaff(now);
  if (lookup.kind === "signed_out") {
    redirect(signInPath(locale, returnPath));
  }
  if (lookup.kind === "not_staff") notFound();
  if (lookup.kind === "second_factor_pending") redirect(secondFactorPath(locale, returnPath));
  if (capability && !may(lookup.viewer.actor.role, capability)) notFound();
  if (capability && !secondFactorFreshEnough(capability, lookup.viewer.secondFactorAt, now)) {
    redirect(secondFactorPath(locale, returnPath, "fresh"));
  }
  return lookup.viewer;
}
