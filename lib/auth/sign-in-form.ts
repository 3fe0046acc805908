// What the sign-in form may send, and where a sign-in may lead afterwards.
import { z } from "zod";
import { isLocale, type Locale } from "../i18n/locales";
import { emailAddress } from "../input/schemas";

export const signInFormSchema = z.object({
  /** The canonical form (lib/input/email-address.ts), as the account, the link and the limits know it. */
  email: emailAddress(),
  /** The honeypot: people never see it, form-filling robots fill it in. */
  website: z.string().optional().default(""),
  callbackUrl: z.string().optional(),
});

/**
 * Only a path of this portal under /de or /en: a sign-in link must never lead elsewhere
 * (an open redirect in a mail from the controller would be a gift to phishers).
 */
export function safeCallbackPath(value: unknown, locale: Locale): string {
  const fallback = `/${locale}/my/requests`;
  if (typeof value !== "string" || !/^\/[a-z]{2}(\/[\w\-./%]*)?$/.test(value) || value.includes("//")) return fallback;
  return isLocale(value.split("/")[1]) ? value : fallback;
}
