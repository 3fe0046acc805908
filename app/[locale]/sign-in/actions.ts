"use server";
// Signing in and out, all plain form posts that work without JavaScript: asking for a link, the
// button on the page the link opens (the only step that spends a link), sign-out and
// "sign out everywhere". Every one of them ends or starts sessions on the server.
import { redirect } from "next/navigation";
import { signInLinkSettings } from "@/lib/auth/auth-options";
import { signInWithMailedLink } from "@/lib/auth/links/mailed-link";
import { currentSession, currentSessionToken } from "@/lib/auth/session";
import { deleteSessionCookie } from "@/lib/auth/session-cookies";
import { endAllSessions, endSession } from "@/lib/auth/sessions/end-sessions";
import { sendSignInLink } from "@/lib/auth/sign-in-link";
import { safeCallbackPath, signInFormSchema } from "@/lib/auth/sign-in-form";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { fieldErrorOf, type FieldError } from "@/lib/requests/intake/field-errors";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";
import { consumeLimits } from "@/lib/security/rate-limit";

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
  // Every address counts alike, known or not: the limit's answer tells nobody whether we know it.
  const { ip } = await clientContext();
  const limits = await consumeLimits(db(), [
    { limit: "sign_in_ip", key: ip },
    { limit: "sign_in_email", key: parsed.data.email },
  ]);
  if (!limits.ok) {
    return { error: "too_many", email: parsed.data.email, retryAfterMinutes: Math.ceil(limits.retryAfterSeconds / 60) };
  }
  // A filled honeypot is a robot: it gets the answer everyone gets, and no mail goes out.
  if (!parsed.data.website) {
    await sendSignInLink(
      db(),
      { email: parsed.data.email, callbackUrl: safeCallbackPath(parsed.data.callbackUrl, locale) },
      signInLinkSettings(appConfig()),
    );
  }
  // The same page whether the address is known or not: no way to find out who has asked us something.
  redirect(`/${locale}/sign-in/check-email`);
}

/** The button on the page a sign-in link opens: spend the link, sign in, go where the link said. */
export async function signInWithLink(received: FormData): Promise<void> {
  const form = postedForm(received);
  const locale = localeOf(form);
  const result = await signInWithMailedLink(form.get("token"));
  if (!result.ok) redirect(`/${locale}/sign-in/error?error=Verification`);
  redirect(safeCallbackPath(form.get("callbackUrl"), locale));
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
