"use server";
// The request forms' server action: a plain form post without JavaScript, useActionState with it.
// Thin: who is asking and from where, then lib/requests/intake/file-request.ts decides.
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locales";
import type { FieldErrors } from "@/lib/requests/intake/field-errors";
import { fileRequest } from "@/lib/requests/intake/file-request";
import { filingContext } from "@/lib/requests/intake/filing-context";
import type { FormValues } from "@/lib/requests/intake/form-fields";
import { isRequestType } from "@/lib/requests/request-types";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";
import { setTicketCookie } from "@/lib/security/ticket-cookie";

export interface RequestFormState {
  errors: FieldErrors;
  values: FormValues;
  /** Minutes to wait when an abuse limit was reached. */
  limitedMinutes: number | null;
  /** Counts the answers, so the form can move the focus to each new one. */
  attempt: number;
}

export async function submitRequestForm(previous: RequestFormState, received: FormData): Promise<RequestFormState> {
  // A tampered post can drop the previous state, so that the form arrives first.
  const form = postedForm(received instanceof FormData ? received : previous);
  const locale = isLocale(form.get("locale")) ? (form.get("locale") as "de" | "en") : "de";
  // Both arrive from the browser (a hidden field, and the last answer): nothing in them is trusted.
  const type = form.get("type");
  if (!isRequestType(type)) redirect(`/${locale}/requests/new`);
  const attempt = (Number.isSafeInteger(previous?.attempt) ? previous.attempt : 0) + 1;
  const session = await currentSession();
  // Staff are not data subjects here: a request they type in is confirmed by its subject's email.
  const subject = session && !session.user.role ? { userId: session.user.id, email: session.user.email } : null;
  const outcome = await fileRequest(type, form, filingContext(subject, await clientContext()));
  switch (outcome.kind) {
    case "confirm_by_email":
      // The check-email page learns which request this browser filed from a signed httpOnly cookie:
      // nothing in the address, so nobody else (a shared link, a Referer) learns anything.
      if (outcome.requestId) await setTicketCookie("filed-request", outcome.requestId);
      redirect(`/${locale}/requests/check-email`);
    case "filed":
      redirect(`/${locale}/my/requests/${outcome.reference}?notice=filed`);
    case "invalid":
      return { errors: outcome.errors, values: outcome.values, limitedMinutes: null, attempt };
    case "limited":
      return {
        errors: {},
        values: outcome.values,
        limitedMinutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)),
        attempt,
      };
  }
}
