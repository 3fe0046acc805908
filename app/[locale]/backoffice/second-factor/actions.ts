"use server";
// The TOTP page's forms: set up an authenticator app, confirm it with its first code, and prove the
// second factor with a code or a recovery code. Plain form posts (no JavaScript needed); each asks
// the staff gate itself. The logic is in lib/backoffice/second-factor/.
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { isBackofficePath, lookupStaff, secondFactorPath, type StaffViewer } from "@/lib/backoffice/access/staff-gate";
import { confirmWithinLimit, verifyWithinLimit } from "@/lib/backoffice/second-factor/limited-code-attempt";
import { secondFactorContext } from "@/lib/backoffice/second-factor/second-factor-context";
import { startEnrolment } from "@/lib/backoffice/second-factor/start-enrolment";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { postedForm } from "@/lib/security/posted-form";
import { rateLimitContext } from "@/lib/security/rate-limit";

export type CodeError = "wrong_code" | "reused_code" | "limited" | "not_enrolled" | "not_started";

export interface CodeFormState {
  error: CodeError | null;
  /** With `limited`: whole minutes until a code is looked at again. */
  retryAfterMinutes?: number;
  /** After the first code confirmed an enrolment: the ten recovery codes, this once. */
  recoveryCodes?: string[];
}

// What every form posts besides its code; the code itself is checked by the second factor's own
// schema (lib/backoffice/second-factor/code-input.ts, after the input normaliser).
const postedSchema = z.object({
  locale: z.string().refine(isLocale),
  next: z.string().max(2_048).optional(),
  code: z.string().max(200).optional(),
});

interface Posted {
  locale: Locale;
  next: string;
  code: string;
  viewer: StaffViewer;
}

/** The posted form and its viewer, or no return: signed out → sign-in; a data subject or a hand-made post → 404. */
async function staffPost(received: FormData): Promise<Posted> {
  const form = postedForm(received);
  const parsed = postedSchema.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) notFound();
  const locale = parsed.data.locale as Locale;
  const next = isBackofficePath(parsed.data.next, locale) ? parsed.data.next : `/${locale}/backoffice`;
  const lookup = await lookupStaff();
  if (lookup.kind === "signed_out") {
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: next.split("?")[0] ?? "" })}`);
  }
  if (lookup.kind === "not_staff") notFound();
  return { locale, next, code: parsed.data.code ?? "", viewer: lookup.viewer };
}

function attemptSettings() {
  return { secondFactor: secondFactorContext(), rateLimits: rateLimitContext() };
}

function limited(retryAfterSeconds: number): CodeFormState {
  return { error: "limited", retryAfterMinutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) };
}

/** "Set up an authenticator app" (and "start again"): a new pending secret; the page then shows its QR code. */
export async function startSecondFactorEnrolment(received: FormData): Promise<void> {
  const { locale, next, viewer } = await staffPost(received);
  // already_enrolled: the page asks for a code instead, nothing more to say.
  await startEnrolment(db(), viewer.actor.userId, secondFactorContext());
  redirect(secondFactorPath(locale, next));
}

/** The first code of a new enrolment: on success the recovery codes, which the form shows this once. */
export async function confirmSecondFactorEnrolment(
  _previous: CodeFormState,
  received: FormData,
): Promise<CodeFormState> {
  const { code, viewer } = await staffPost(received);
  const session = { id: viewer.sessionId, userId: viewer.actor.userId };
  const result = await confirmWithinLimit(db(), session, code, attemptSettings());
  if (result.ok) return { error: null, recoveryCodes: result.recoveryCodes };
  if (result.reason === "limited") return limited(result.retryAfterSeconds);
  // Confirmed meanwhile in another tab: a reload asks for a code as usual.
  return { error: result.reason === "already_enrolled" ? "not_started" : result.reason };
}

/** A code of the app or a recovery code: on success back to the page the TOTP page was asked for. */
export async function verifySecondFactorCode(_previous: CodeFormState, received: FormData): Promise<CodeFormState> {
  const { next, code, viewer } = await staffPost(received);
  const session = { id: viewer.sessionId, userId: viewer.actor.userId };
  const result = await verifyWithinLimit(db(), session, code, attemptSettings());
  if (result.ok) redirect(next);
  if (result.reason === "limited") return limited(result.retryAfterSeconds);
  return { error: result.reason };
}
