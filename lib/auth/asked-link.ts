// What a sign-in check-email page remembers of the link this browser asked for (the payload of its
// signed cookie, lib/security/ticket-cookie.ts): the address and where the link leads. Read back
// with the same checks as a fresh form, so a cookie from an older version is simply no ticket.
import { safeCallbackPath, signInFormSchema } from "./sign-in-form";

export interface AskedLink {
  email: string;
  callbackUrl: string;
}

/** The asked-for link in a ticket's payload, or null for anything that is not one. */
export function askedLink(payload: string | null): AskedLink | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { email, callbackUrl } = value as Record<string, unknown>;
  const parsed = signInFormSchema.safeParse({ email, website: "", callbackUrl });
  if (!parsed.success) return null;
  // Checked again as when it was asked for: only a path of this portal.
  return { email: parsed.data.email, callbackUrl: safeCallbackPath(callbackUrl, "de") };
}
