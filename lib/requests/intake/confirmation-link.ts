// The link that confirms a request: a next-auth email sign-in token (single use, stored only as its
// hash, MAGIC_LINK_MAX_AGE_HOURS) whose sign-in lands on the request's confirmation route. Following
// it proves the address and signs the person in; the route then verifies the request (receipt,
// Art. 12(3)). Queued in the submitting transaction, so a request never exists without its mail.
import { randomBytes } from "node:crypto";
import { callbackLink, hashLinkToken, type SignInLinkSettings } from "../../auth/sign-in-link";
import type { Tx } from "../../db/tx";
import { enqueueMail } from "../../mail/outbox/enqueue-mail";
import { mailSender } from "../request-settings";
import type { RequestType } from "../request-types";

export function confirmationPath(language: "de" | "en", reference: string): string {
  return `/${language}/requests/confirm/${reference}`;
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
  const callbackUrl = `${settings.publicUrl}${confirmationPath(request.language, request.reference)}`;
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
