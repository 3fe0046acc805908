// Starting a magic-link sign-in: a token (kept only as next-auth's hash of it) and the mail that
// carries it, written in one transaction through the outbox. The link leads to a page of ours
// (/{locale}/sign-in/link) that says what will happen and signs in only when its button is
// pressed (a POST): mail scanners that open every link spend nothing (lib/auth/links/).
//
// Why not next-auth's own start (POST /api/auth/signin/email)? It demands a double-submit CSRF
// cookie that a server-rendered page cannot set before the form is shown, so the form would not
// work without JavaScript; and next-auth 4 exports no server-side signIn. The sign-in page's
// server action (protected by Next's origin check) calls this instead. The direct endpoint still
// works and behaves the same (lib/auth/auth-options.ts uses the functions below).
import type { Db } from "../db/client";
import type { Tx } from "../db/tx";
import { enqueueMail } from "../mail/outbox/enqueue-mail";
import { mailSender, type MailSettings } from "../requests/request-settings";
import { normaliseEmail } from "./adapter";
import { sameOriginUrl } from "./callback-url";
import { issueLinkToken } from "./links/link-token";

export { hashLinkToken } from "./links/link-token";

export interface SignInLinkSettings {
  publicUrl: string;
  /** next-auth's secret: the stored token is SHA-256(token + secret), exactly as next-auth hashes it. */
  secret: string;
  maxAgeHours: number;
  /** The controller's time zone, for the expiry shown in the mail. */
  timeZone: string;
  mail: MailSettings;
}

/** The mail speaks the language of the page the person will land on (/de/… or /en/…), German otherwise. */
export function signInLanguage(callbackUrl: string | null | undefined, publicUrl: string): "de" | "en" {
  if (!callbackUrl || !URL.canParse(callbackUrl, publicUrl)) return "de";
  return new URL(callbackUrl, publicUrl).pathname.split("/")[1] === "en" ? "en" : "de";
}

/**
 * Links go only to addresses the portal knows: an account, or a request naming the address.
 * The portal is then no tool for mailing strangers; the page says the same either way.
 */
export async function isKnownAddress(db: Db, email: string): Promise<boolean> {
  const address = normaliseEmail(email);
  const [user, request] = await Promise.all([
    db.user.findUnique({ where: { email: address }, select: { id: true } }),
    db.request.findFirst({ where: { subjectEmail: address }, select: { id: true } }),
  ]);
  return Boolean(user || request);
}

/**
 * The page a sign-in link opens: `{publicUrl}/{language}/sign-in/link?token=…&callbackUrl=…`, where
 * `callbackPath` is the portal path to land on after signing in (checked again when used).
 */
export function signInLinkUrl(publicUrl: string, language: "de" | "en", token: string, callbackPath: string): string {
  return `${publicUrl}/${language}/sign-in/link?${new URLSearchParams({ token, callbackUrl: callbackPath })}`;
}

/**
 * The portal path of a callback URL (next-auth hands over absolute ones); anything that does not parse
 * or leads elsewhere becomes the requests page. Checked again (safeCallbackPath) when the link is used.
 */
export function callbackPathOf(callbackUrl: string | null | undefined, publicUrl: string): string {
  const url = sameOriginUrl(callbackUrl, publicUrl);
  if (!url) return "/de/my/requests";
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
}

export async function queueSignInLink(
  tx: Tx,
  link: { email: string; url: string; expires: Date; language: "de" | "en"; tokenHash: string },
  settings: SignInLinkSettings,
  now: Date,
): Promise<void> {
  await enqueueMail(
    tx,
    {
      template: "sign_in_link",
      language: link.language,
      to: normaliseEmail(link.email),
      variables: {
        sender: mailSender(settings.mail, link.language),
        url: link.url,
        expires: link.expires.toISOString(),
        validHours: settings.maxAgeHours,
        timeZone: settings.timeZone,
      },
      link: { tokenHash: link.tokenHash, expires: link.expires },
    },
    now,
  );
}

/** Sends a link to a known address; does nothing for others. The caller answers the same in both cases. */
export async function sendSignInLink(
  db: Db,
  input: { email: string; callbackUrl: string },
  settings: SignInLinkSettings,
  now = new Date(),
): Promise<"sent" | "unknown_address"> {
  const email = normaliseEmail(input.email);
  if (!(await isKnownAddress(db, email))) return "unknown_address";
  const language = signInLanguage(input.callbackUrl, settings.publicUrl);
  const callbackPath = callbackPathOf(input.callbackUrl, settings.publicUrl);
  await db.$transaction(async (tx) => {
    const issued = await issueLinkToken(tx, email, settings, now);
    await queueSignInLink(
      tx,
      {
        email,
        url: signInLinkUrl(settings.publicUrl, language, issued.token, callbackPath),
        expires: issued.expires,
        language,
        tokenHash: issued.tokenHash,
      },
      settings,
      now,
    );
  });
  return "sent";
}
