"use server";
// The TOTP page's forms: set up an authenticator app, confirm it with its first code, and prove the
// second factor with a code or a recovery code. Plain form posts (no JavaScript needed); each asks
// the staff gate itself. The logic is in lib/backoffice/second-factor/.
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { backofficeHome } from "@/lib/backoffice/access/capabilities";
import {
  isBackofficePath,
  lookupStaff,
  signInPath,
  secondFactorPath,
  type StaffViewer,
} from "@/lib/backoffice/access/staff-gate";
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
  /** The error in the page's words (rendered here: the browser gets no message files for the back office). */
  message?: string;
  /** After the first code confirmed an enrolment: the ten recovery codes, this once. */
  recoveryCodes?: string[];
}

// What every form posts besides its code; the code itself is checked by the second factor's own
// schema (lib/backoffice/second-factor/code-input.ts, after the input normaliser).
const postedSchema = z.object({
  locale: z.string().refine(isLocale),
  next: z.string().max(2_048).optional(),
  code: z.string().max(200).optional(),
  kind: z.enum(["totp", "recovery"]).optional(),
});

interface Posted {
  locale: Locale;
  next: string;
  code: string;
  /** Which field the code was typed in: the error names the kind of code. */
  kind: "totp" | "recovery";
  viewer: StaffViewer;
}

/** The posted form and its viewer, or no return: signed out → sign-in; a data subject or a hand-made post → 404. */
async function staffPost(received: FormData): Promise<Posted> {
  const form = postedForm(received);
  const parsed = postedSchema.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) notFound();
  const locale = parsed.data.locale as Locale;
  const asked = isBackofficePath(parsed.data.next, locale) ? parsed.data.next : null;
  const lookup = await lookupStaff();
  if (lookup.kind === "signed_out") {
    redirect(signInPath(locale, asked ?? `/${locale}/backoffice`));
  }
  if (lookup.kind === "not_staff") notFound();
  const next = asked ?? backofficeHome(locale, lookup.viewer.actor.role);
  return { locale, next, code: parsed.data.code ?? "", kind: parsed.data.kind ?? "totp", viewer: lookup.viewer };
}

function attemptSettings() {
  return { secondFactor: secondFactorContext(), rateLimits: rateLimitContext() };
}

/** The refusal `error` of a code typed in the `kind` field, in `locale`'s words. */
async function refused(
  locale: Locale,
  kind: "totp" | "recovery",
  error: CodeError,
  retryAfterSeconds = 0,
): Promise<CodeFormState> {
  const t = await getTranslations({ locale, namespace: "backofficeSecondFactor" });
  const recovery = kind === "recovery" && (error === "wrong_code" || error === "reused_code");
  const message =
    error === "limited"
      ? t("errors.limited", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
      : t(`errors.${recovery ? (error === "wrong_code" ? "wrong_recovery_code" : "reused_recovery_code") : error}`);
  return { error, message };
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
  const { locale, code, viewer } = await staffPost(received);
  const session = { id: viewer.sessionId, userId: viewer.actor.userId };
  const result = await confirmWithinLimit(db(), session, code, attemptSettings());
  if (result.ok) return { error: null, recoveryCodes: result.recoveryCodes };
  if (result.reason === "limited") return refused(locale, "totp", "limited", result.retryAfterSeconds);
  // Confirmed meanwhile in another tab: a reload asks for a code as usual.
  return refused(locale, "totp", result.reason === "already_enrolled" ? "not_started" : result.reason);
}

/** A code of the app or a recovery code: on success back to the page the TOTP page was asked for. */
export async function verifySecondFactorCode(_previous: CodeFormState, received: FormData): Promise<CodeFormState> {
  const { locale, next, code, kind, viewer } = await staffPost(received);
  const session = { id: viewer.sessionId, userId: viewer.actor.userId };
  const result = await verifyWithinLimit(db(), session, code, attemptSettings());
  if (result.ok) redirect(next);
  if (result.reason === "limited") return refused(locale, kind, "limited", result.retryAfterSeconds);
  return refused(locale, kind, result.reason);
}
