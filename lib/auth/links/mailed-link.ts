// The page behind a mailed link and its button, wired to this portal's database, secret and
// cookies. Showing the page reads only (inspectMailedLink); pressing the button (a POST) spends the
// link and signs in (signInWithMailedLink).
import "server-only";
import { appConfig } from "../../config/app-config";
import { db } from "../../db/client";
import { maskedAddress } from "../../format/masked-address";
import { currentSessionToken } from "../session";
import { setSessionCookie } from "../session-cookies";
import { endSession } from "../sessions/end-sessions";
import { DEFAULT_SESSION_POLICY } from "../sessions/session-policy";
import { inspectLink } from "./inspect-link";
import { redeemLink, type RedeemResult } from "./redeem-link";

export type MailedLinkView = { usable: true; maskedEmail: string; expires: Date } | { usable: false };

/** For the page a link opens (GET): does it still work, and for which address (masked)? Changes nothing. */
export async function inspectMailedLink(token: unknown): Promise<MailedLinkView> {
  const found = await inspectLink(db(), token, appConfig().nextauthSecret);
  return found.usable ? { usable: true, maskedEmail: maskedAddress(found.email), expires: found.expires } : found;
}

/**
 * The button behind a link was pressed (POST): spend the token, sign the address's owner in (a new
 * session and its cookie; a session this browser had before is ended), and say who it is.
 */
export async function signInWithMailedLink(token: unknown): Promise<RedeemResult> {
  const result = await redeemLink(db(), token, {
    secret: appConfig().nextauthSecret,
    sessionPolicy: DEFAULT_SESSION_POLICY,
  });
  if (!result.ok) return result;
  await endSession(db(), await currentSessionToken());
  await setSessionCookie(result.session);
  return result;
}
