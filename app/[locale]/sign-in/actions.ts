"use server";
// Signing in and out, all plain form posts that work without JavaScript: asking for a link, the
// button on the page the link opens (the only step that spends a link), sign-out and
// "sign out everywhere". Every one of them ends or starts sessions on the server.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ResendState } from "@/components/check-email/resend-form";
import { signInLinkSettings } from "@/lib/auth/auth-options";
import { askedLink } from "@/lib/auth/asked-link";
import { signInWithMailedLink } from "@/lib/auth/links/mailed-link";
import { currentSession, currentSessionToken } from "@/lib/auth/session";
import { deleteSessionCookie } from "@/lib/auth/session-cookies";
import { endAllSessions, endSession } from "@/lib/auth/sessions/end-sessions";
import { DEFAULT_SESSION_POLICY } from "@/lib/auth/sessions/session-policy";
import { sendSignInLink } from "@/lib/auth/sign-in-link";
import { safeCallbackPath, signInFormSchema } from "@/lib/auth/sign-in-form";
import { afterSignInPath } from "@/lib/backoffice/access/after-sign-in";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { maskedAddress } from "@/lib/format/masked-address";
import { isLocale } from "@/lib/i18n/locales";
import { fieldErrorOf, type FieldError } from "@/lib/requests/intake/field-errors";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";
import { consumeLimits } from "@/lib/security/rate-limit";
import { readTicketCookie, setTicketCookie } from "@/lib/security/ticket-cookie";

export interface SignInFormState {
  error: "invalid_email" | "too_many" | null;
  /** With invalid_email: what exactly is wrong (a refused character and where, letters before the @…). */
  detail?: FieldError;
  email: string;
  /** With too_many: when the person may try again. */
  retryAfterMinutes?: number;
}

export async function requestSignInLink(_previous: SignInFormState, received: FormData): Promise<SignInFormState> {
  const form = postedForm(received);
  const locale = localeOf(form);
  const parsed = signInFormSchema.safeParse({
    email: form.get("email") ?? "",
    website: form.get("website") ?? "",
    callbackUrl: form.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.path[0] === "email");
    return {
      error: "invalid_email",
      detail: issue ? fieldErrorOf(issue) : undefined,
      email: String(form.get("email") ?? "").slice(0, 254),
    };
  }
  const link = { email: parsed.data.email, callbackUrl: safeCallbackPath(parsed.data.callbackUrl, locale) };
  const sent = await sendWithinLimits(link, { robot: Boolean(parsed.data.website) });
  if (!sent.ok) return { error: "too_many", email: parsed.data.email, retryAfterMinutes: sent.retryAfterMinutes };
  // The check-email page may name the address typed (masked) and send the link again: this browser
  // carries it in a signed cookie. The page says the same whether the address is known or not.
  await setTicketCookie("sign-in-link", JSON.stringify(link));
  redirect(`/${locale}/sign-in/check-email`);
}

/**
 * Asks for a link within the sign-in limits. Every address counts alike, known or not: the limit's
 * answer tells nobody whether we know it. A robot (filled honeypot) is counted and sent nothing.
 */
async function sendWithinLimits(
  link: { email: string; callbackUrl: string },
  { robot }: { robot: boolean },
): Promise<{ ok: true } | { ok: false; retryAfterMinutes: number }> {
  const { ip } = await clientContext();
  const limits = await consumeLimits(db(), [
    { limit: "sign_in_ip", key: ip },
    { limit: "sign_in_email", key: link.email },
  ]);
  if (!limits.ok) return { ok: false, retryAfterMinutes: Math.ceil(limits.retryAfterSeconds / 60) };
  if (!robot) await sendSignInLink(db(), link, signInLinkSettings(appConfig()));
  return { ok: true };
}

/** "Send the link again" on the check-email page: to the address this browser asked for, within the same limits. */
export async function resendSignInLink(_previous: ResendState, received: FormData): Promise<ResendState> {
  const form = postedForm(received);
  const locale = localeOf(form);
  const t = await getTranslations({ locale, namespace: "signIn" });
  const link = askedLink(await readTicketCookie("sign-in-link"));
  if (!link) return { message: t("resendUnknown"), warning: true };
  const sent = await sendWithinLimits(link, { robot: false });
  if (!sent.ok) return { message: t("resendLimited", { minutes: sent.retryAfterMinutes }), warning: true };
  const maskedEmail = maskedAddress(link.email);
  return {
    message: t("resent", { email: maskedEmail, hours: appConfig().magicLinkMaxAgeHours }),
    warning: false,
    maskedEmail,
  };
}

/** The button on the page a sign-in link opens: spend the link, sign in, go where the link said. */
export async function signInWithLink(received: FormData): Promise<void> {
  const form = postedForm(received);
  const locale = localeOf(form);
  const result = await signInWithMailedLink(form.get("token"));
  if (!result.ok)
    redirect(`/${locale}/sign-in/error?error=${result.reason === "deactivated" ? "AccessDenied" : "Verification"}`);
  const callbackPath = safeCallbackPath(form.get("callbackUrl"), locale);
  redirect(afterSignInPath(result.user.role, callbackPath, locale, DEFAULT_SESSION_POLICY));
}

/** Sign-out: the session ends on the server (a copied cookie is worth nothing after it), then in the browser. */
export async function signOut(received: FormData): Promise<void> {
  const form = postedForm(received);
  await endSession(db(), await currentSessionToken());
  await deleteSessionCookie();
  redirect(`/${localeOf(form)}/sign-in`);
}

/** Ends every session of the signed-in person, on every device, this one included. */
export async function signOutEverywhere(received: FormData): Promise<void> {
  const form = postedForm(received);
  const session = await currentSession();
  if (session) await endAllSessions(db(), session.user.id);
  await deleteSessionCookie();
  redirect(`/${localeOf(form)}/sign-in?notice=signed_out_everywhere`);
}

function localeOf(form: FormData): "de" | "en" {
  const value = form.get("locale");
  return isLocale(value) ? value : "de";
}
