"use server";
// The request forms' server action: a plain form post without JavaScript, useActionState with it.
// Thin: who is asking and from where, then lib/requests/intake/file-request.ts decides.
import { redirect } from "next/navigation";
import { uploadLimitsFromConfig } from "@/lib/attachments/limits";
import { signInLinkSettings } from "@/lib/auth/auth-options";
import { currentSession } from "@/lib/auth/session";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import type { FieldErrors } from "@/lib/requests/intake/field-errors";
import { fileRequest } from "@/lib/requests/intake/file-request";
import { formChoices } from "@/lib/requests/intake/form-choices";
import type { FormValues } from "@/lib/requests/intake/form-fields";
import { isRequestType } from "@/lib/requests/request-types";
import { requestSettingsFromConfig } from "@/lib/requests/settings-from-config";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";
import { consumeLimits } from "@/lib/security/rate-limit";
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
  const config = appConfig();
  const session = await currentSession();
  const { ip, userAgent } = await clientContext();
  const outcome = await fileRequest(type, form, {
    db: db(),
    settings: requestSettingsFromConfig(config),
    link: signInLinkSettings(config),
    choices: formChoices(),
    // Staff are not data subjects here: a request they type in is confirmed by its subject's email.
    session: session && !session.user.role ? { userId: session.user.id, email: session.user.email } : null,
    ip,
    userAgent,
    uploads: { limits: uploadLimitsFromConfig(config), dir: config.attachmentsDir },
    limit: (input) =>
      consumeLimits(db(), [
        { limit: "submission_ip", key: ip },
        { limit: "submission_email", key: input.email },
      ]),
  });
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
