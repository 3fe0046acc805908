"use server";
// The queue's server actions: thin (parse, ask the gate, call lib/, redirect back to the view).
import { redirect } from "next/navigation";
import { z } from "zod";
import { isBackofficePath, requireStaff } from "@/lib/backoffice/access/staff-gate";
import { revealSubject } from "@/lib/backoffice/reveal/reveal-subject";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { text } from "@/lib/input/schemas";
import { clientContext } from "@/lib/security/client-context";

const revealForm = z.object({
  locale: z.string().refine(isLocale),
  requestId: text({ max: 64 }).pipe(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  returnTo: text({ max: 2_048 }),
});

/** The path to go back to: the view the form was on, or the queue itself. */
function backTo(locale: Locale, value: string, extra?: Record<string, string>): string {
  const path = isBackofficePath(value, locale) ? value : `/${locale}/backoffice`;
  if (!extra) return path;
  const url = new URL(path, "http://portal.invalid");
  for (const [name, v] of Object.entries(extra)) url.searchParams.set(name, v);
  return `${url.pathname}${url.search}`;
}

/**
 * Reveals one subject's address to the signed-in staff member ("subject.reveal": a second factor
 * proven within 15 minutes, requireStaff sends to the TOTP page otherwise) and returns to the view,
 * which then shows the address to them (read back from the audit entry, lib/backoffice/reveal).
 */
export async function revealSubjectAction(form: FormData): Promise<void> {
  const parsed = revealForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect("/");
  const locale = parsed.data.locale as Locale;
  const returnTo = backTo(locale, parsed.data.returnTo);
  const viewer = await requireStaff(locale, "subject.reveal", returnTo);
  const outcome = await revealSubject(db(), viewer, parsed.data.requestId, await clientContext());
  redirect(outcome.ok ? returnTo : backTo(locale, returnTo, { revealError: outcome.code }));
}
