// The link that confirms a request: a single-use magic-link token (stored only as next-auth's hash,
// MAGIC_LINK_MAX_AGE_HOURS) on a page of ours, /{locale}/requests/confirm/{reference}, that says
// what will happen and does it only when its button is pressed (a POST): the token is spent, the
// person signed in and the request verified (receipt, Art. 12(3)) in that one step, so a mail
// scanner opening the link changes nothing. Queued in the submitting transaction, so a request
// never exists without its mail.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { SignInLinkSettings } from "../../auth/sign-in-link";
import { issueLinkToken, issueLinkTokenDirectly, type IssuedLinkToken } from "../../auth/links/link-token";
import type { DirectTx } from "../../db/direct/direct-transaction";
import type { Tx } from "../../db/tx";
import { enqueueMail, enqueueMailDirectly, type MailToQueue } from "../../mail/outbox/enqueue-mail";
import { mailSender } from "../request-settings";
import type { RequestType } from "../request-types";

/**
 * The page confirms only with this code, which only the mail carries: references are sequential,
 * and the code binds the mailed token to the one request it was sent for.
 */
export function confirmationCode(secret: string, reference: string): string {
  return createHmac("sha256", secret).update(`confirm-request:${reference}`).digest("hex").slice(0, 32);
}

export function isConfirmationCode(secret: string, reference: string, code: unknown): boolean {
  if (typeof code !== "string" || code.length !== 32) return false;
  return timingSafeEqual(Buffer.from(code), Buffer.from(confirmationCode(secret, reference)));
}

/** The page the mail links to: `/{language}/requests/confirm/{reference}?code=…&token=…`. */
export function confirmationPath(language: "de" | "en", reference: string, secret: string, token: string): string {
  const query = new URLSearchParams({ code: confirmationCode(secret, reference), token });
  return `/${language}/requests/confirm/${reference}?${query}`;
}

export type ConfirmationLinkSettings = SignInLinkSettings & { unverifiedExpiryDays: number };

/** The mail that carries the confirmation link of `issued` (a token newly made for the request's address). */
export function confirmationMail(
  request: { id: string; reference: string; type: RequestType; subjectEmail: string; language: "de" | "en" },
  settings: ConfirmationLinkSettings,
  issued: IssuedLinkToken,
): MailToQueue<"confirm_request"> {
  return {
    template: "confirm_request",
    language: request.language,
    to: request.subjectEmail,
    requestId: request.id,
    variables: {
      sender: mailSender(settings.mail, request.language),
      type: request.type,
      url: `${settings.publicUrl}${confirmationPath(request.language, request.reference, settings.secret, issued.token)}`,
      expires: issued.expires.toISOString(),
      validHours: settings.maxAgeHours,
      expiryDays: settings.unverifiedExpiryDays,
      timeZone: settings.timeZone,
    },
    link: { tokenHash: issued.tokenHash, expires: issued.expires },
  };
}

/** Stores a new link token for the request's address and queues its mail, in `tx` (resending a link). */
export async function queueConfirmationLink(
  tx: Tx,
  request: { id: string; reference: string; type: RequestType; subjectEmail: string; language: "de" | "en" },
  settings: ConfirmationLinkSettings,
  now: Date,
): Promise<void> {
  const issued = await issueLinkToken(tx, request.subjectEmail, settings, now);
  await enqueueMail(tx, confirmationMail(request, settings, issued), now);
}

/** queueConfirmationLink with direct statements (lib/db/direct/), in the filing's transaction. */
export async function queueConfirmationLinkDirectly(
  tx: DirectTx,
  request: { id: string; reference: string; type: RequestType; subjectEmail: string; language: "de" | "en" },
  settings: ConfirmationLinkSettings,
  now: Date,
): Promise<void> {
  const issued = await issueLinkTokenDirectly(tx, request.subjectEmail, settings, now);
  await enqueueMailDirectly(tx, confirmationMail(request, settings, issued), now);
}
