"use server";
// "Send the email again" on the page after filing: which request comes from this browser's signed
// cookie (set when it was filed), never from the form; lib/requests/intake/resend-confirmation.ts decides.
import { getTranslations } from "next-intl/server";
import type { ResendState } from "@/components/check-email/resend-form";
import { signInLinkSettings } from "@/lib/auth/auth-options";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { resendConfirmation } from "@/lib/requests/intake/resend-confirmation";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";
import { consumeLimits } from "@/lib/security/rate-limit";
import { readTicketCookie } from "@/lib/security/ticket-cookie";

export async function resendRequestConfirmation(_previous: ResendState, received: FormData): Promise<ResendState> {
  const form = postedForm(received);
  const locale = isLocale(form.get("locale")) ? (form.get("locale") as "de" | "en") : "de";
  const t = await getTranslations({ locale, namespace: "requests.checkEmail" });
  const requestId = await readTicketCookie("filed-request");
  if (!requestId) return { message: t("resendUnknown"), warning: true };
  const config = appConfig();
  const { ip } = await clientContext();
  const outcome = await resendConfirmation(requestId, {
    db: db(),
    link: signInLinkSettings(config),
    unverifiedExpiryDays: config.unverifiedExpiryDays,
    // The filing limits: a resend is one more mail to the address, as a filing is.
    limit: (email) =>
      consumeLimits(db(), [
        { limit: "submission_ip", key: ip },
        { limit: "submission_email", key: email },
      ]),
  });
  switch (outcome.kind) {
    case "sent":
      return {
        message: t("resent", { email: outcome.maskedEmail, hours: config.magicLinkMaxAgeHours }),
        warning: false,
        maskedEmail: outcome.maskedEmail,
      };
    case "limited":
      return {
        message: t("resendLimited", { minutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)) }),
        warning: true,
      };
    case "not_awaiting":
      return { message: t("resendNotAwaiting"), warning: false };
    case "not_found":
      return { message: t("resendUnknown"), warning: true };
  }
}
