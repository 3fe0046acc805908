// Starting a magic-link sign-in: a token (kept only as next-auth's hash of it) and the mail that
// carries it, written in one transaction through the outbox. next-auth's route handler
// (/api/auth/callback/email) then checks the link, and signs the person in.
//
// Why not next-auth's own start (POST /api/auth/signin/email)? It demands a double-submit CSRF
// cookie that a server-rendered page cannot set before the form is shown, so the form would not
// work without JavaScript; and next-auth 4 exports no server-side signIn. The sign-in page's
// server action (protected by Next's origin check) calls this instead. The direct endpoint still
// works and behaves the same (lib/auth/auth-options.ts uses the functions below).
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import type { Tx } from "../db/tx";
import { enqueueMail } from "../mail/outbox/enqueue-mail";
import { mailSender, type MailSettings } from "../requests/request-settings";
import { normaliseEmail } from "./adapter";

export interface SignInLinkSettings {
  publicUrl: string;
  /** next-auth's secret: the stored token is SHA-256(token + secret), exactly as next-auth hashes it. */
  secret: string;
  maxAgeHours: number;
  /** The controller's time zone, for the expiry shown in the mail. */
  timeZone: string;
  mail: MailSettings;
}

/** next-auth 4's hashToken (core/lib/utils.ts): the callback looks the link up by this. */
export function hashLinkToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
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

export async function queueSignInLink(
  tx: Tx,
  link: { email: string; url: string; expires: Date; language: "de" | "en" },
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
    },
    now,
  );
}

/** The URL of next-auth's email callback for a token, as next-auth builds it. */
export function callbackLink(settings: SignInLinkSettings, email: string, token: string, callbackUrl: string): string {
  const params = new URLSearchParams({ callbackUrl, token, email });
  return `${settings.publicUrl}/api/auth/callback/email?${params}`;
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
  const token = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + settings.maxAgeHours * 60 * 60 * 1000);
  const callbackUrl = new URL(input.callbackUrl, settings.publicUrl).toString();
  await db.$transaction(async (tx) => {
    await tx.verificationToken.deleteMany({ where: { expires: { lt: now } } });
    await tx.verificationToken.create({
      data: { identifier: email, token: hashLinkToken(token, settings.secret), expires },
    });
    await queueSignInLink(
      tx,
      {
        email,
        url: callbackLink(settings, email, token, callbackUrl),
        expires,
        language: signInLanguage(input.callbackUrl, settings.publicUrl),
      },
      settings,
      now,
    );
  });
  return "sent";
}
