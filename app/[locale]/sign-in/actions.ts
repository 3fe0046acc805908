"use server";
// The sign-in form's server action (works without JavaScript: a plain form POST) and sign-out.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signInLinkSettings } from "@/lib/auth/auth-options";
import { sendSignInLink } from "@/lib/auth/sign-in-link";
import { safeCallbackPath, signInFormSchema } from "@/lib/auth/sign-in-form";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";
import { consumeLimits } from "@/lib/security/rate-limit";

export interface SignInFormState {
  error: "invalid_email" | "too_many" | null;
  email: string;
  /** With too_many: when the person may try again. */
  retryAfterMinutes?: number;
}

export async function requestSignInLink(_previous: SignInFormState, received: FormData): Promise<SignInFormState> {
  const form = postedForm(received);
  const locale = isLocale(form.get("locale")) ? (form.get("locale") as "de" | "en") : "de";
  const parsed = signInFormSchema.safeParse({
    email: form.get("email") ?? "",
    website: form.get("website") ?? "",
    callbackUrl: form.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) return { error: "invalid_email", email: String(form.get("email") ?? "").slice(0, 254) };
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

/** next-auth's session cookie (plain, or __Secure- on HTTPS, possibly split into chunks .0, .1, …). */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/** Sign-out without JavaScript: the JWT session lives only in its cookie, so deleting it ends the session. */
export async function signOut(received: FormData): Promise<void> {
  const form = postedForm(received);
  const locale = isLocale(form.get("locale")) ? (form.get("locale") as "de" | "en") : "de";
  const jar = await cookies();
  for (const cookie of jar.getAll()) if (SESSION_COOKIE.test(cookie.name)) jar.delete(cookie.name);
  redirect(`/${locale}/sign-in`);
}
