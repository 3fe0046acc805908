// The page behind a confirmation mail's link, and its button. Opening the page (GET) reads only:
// mail scanners open every link. Pressing the button (POST) spends the link's token, signs the
// person in and verifies the request, all for the one who pressed it: their address and user
// agent go into the `verified` audit entry (receipt, Art. 12(3)).
import "server-only";
import { inspectMailedLink, signInWithMailedLink, type MailedLinkView } from "../auth/links/mailed-link";
import { appConfig } from "../config/app-config";
import { confirmRequestAs, type ConfirmResult } from "./confirm-my-request";
import { isConfirmationCode } from "./intake/confirmation-link";

export interface MailedConfirmation {
  reference: string;
  /** The mail's HMAC for this reference (intake/confirmation-link.ts). */
  code: unknown;
  /** The mail's single-use token. */
  token: unknown;
}

/** For the page (GET): can this link still confirm, and for which address (masked)? Changes nothing. */
export async function inspectConfirmationLink(link: MailedConfirmation): Promise<MailedLinkView> {
  if (!isConfirmationCode(appConfig().nextauthSecret, link.reference, link.code)) return { usable: false };
  return inspectMailedLink(link.token);
}

/**
 * The button (POST): `unusable` when the code does not fit the reference or the token is spent or
 * expired (nothing changes then); otherwise the person is signed in and the request confirmed
 * (`confirmed`), or it was confirmed, withdrawn or expired before (`unchanged`), or is not theirs
 * (`not_found`).
 */
export async function confirmByMailedLink(
  link: MailedConfirmation,
  where: { ip: string | null; userAgent: string | null },
): Promise<ConfirmResult | { kind: "unusable" }> {
  if (!isConfirmationCode(appConfig().nextauthSecret, link.reference, link.code)) return { kind: "unusable" };
  const signedIn = await signInWithMailedLink(link.token);
  if (!signedIn.ok) return { kind: "unusable" };
  return confirmRequestAs(signedIn.user, link.reference, where);
}
