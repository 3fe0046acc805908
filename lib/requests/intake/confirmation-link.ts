// The link that confirms a request: a next-auth email sign-in token (single use, stored only as its
// hash, MAGIC_LINK_MAX_AGE_HOURS) whose sign-in lands on the request's confirmation route. Following
// it proves the address and signs the person in; the route then verifies the request (receipt,
// Art. 12(3)). Queued in the submitting transaction, so a request never exists without its mail.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { callbackLink, hashLinkToken, type SignInLinkSettings } from "../../auth/sign-in-link";
import type { Tx } from "../../db/tx";
import { enqueueMail } from "../../mail/outbox/enqueue-mail";
import { mailSender } from "../request-settings";
import type { RequestType } from "../request-types";

/**
 * The confirmation route confirms only with this code, which only the mail carries: references are
 * sequential, so without it any page could send a signed-in person to /requests/confirm/DSR-… and
 * confirm a request someone else made in their name (a cross-site request).
 */
export function confirmationCode(secret: string, reference: string): string {
  return createHmac("sha256", secret).update(`confirm-request:${reference}`).digest("hex").slice(0, 32);
}

export function isConfirmationCode(secret: string, reference: string, code: unknown): boolean {
  if (typeof code !== "string" || code.length !== 32) return false;
  return timingSafeEqual(Buffer.from(code), Buffer.from(confirmationCode(secret, reference)));
}

export function confirmationPath(language: "de" | "en", reference: string, secret: string): string {
  return `/${language}/requests/confirm/${reference}?code=${confirmationCode(secret, reference)}`;
}

export async function queueConfirmationLink(
  tx: Tx,
  request: { id: string; reference: string; type: RequestType; subjectEmail: string; language: "de" | "en" },
  settings: SignInLinkSettings & { unverifiedExpiryDays: number },
  now: Date,
): Promise<void> {
  const token = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + settings.maxAgeHours * 60 * 60 * 1000);
  await tx.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  await tx.verificationToken.create({
    data: { identifier: request.subjectEmail, token: hashLinkToken(token, settings.secret), expires },
  });
  const callbackUrl = `${settings.publicUrl}${confirmationPath(request.language, request.reference, settings.secret)}`;
  await enqueueMail(
    tx,
    {
      template: "confirm_request",
      language: request.language,
      to: request.subjectEmail,
      requestId: request.id,
      variables: {
        sender: mailSender(settings.mail, request.language),
        type: request.type,
        url: callbackLink(settings, request.subjectEmail, token, callbackUrl),
        expires: expires.toISOString(),
        validHours: settings.maxAgeHours,
        expiryDays: settings.unverifiedExpiryDays,
        timeZone: settings.timeZone,
      },
    },
    now,
  );
}
