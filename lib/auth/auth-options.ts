// next-auth 4 for this portal: the email provider (magic links through the mail outbox), our
// adapter, and database sessions the server can end (lib/auth/sessions/): sign-out deletes the
// row, and a session's end is fixed at sign-in.
import type { AuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { appConfig, type AppConfig } from "../config/app-config";
import { provideNextAuthUrl } from "../config/env";
import { db } from "../db/client";
import { logger } from "../log/logger";
import { requestSettingsFromConfig } from "../requests/settings-from-config";
import { normaliseEmail, prismaAdapter } from "./adapter";
import { sameOriginUrl } from "./callback-url";
import { hashLinkToken } from "./links/link-token";
import { sessionCookie } from "./sessions/session-cookie";
import { DEFAULT_SESSION_POLICY } from "./sessions/session-policy";
import {
  callbackPathOf,
  isKnownAddress,
  queueSignInLink,
  signInLanguage,
  signInLinkUrl,
  type SignInLinkSettings,
} from "./sign-in-link";

/** The longest any session lives (the policy's per-role ends are shorter or equal); next-auth's cookie expiry. */
const SESSION_MAX_AGE_SECONDS = Math.max(...Object.values(DEFAULT_SESSION_POLICY).map((p) => p.absoluteHours)) * 3600;

/** Where next-auth sends people; without a locale, proxy.ts picks /de or /en by Accept-Language. */
export const authPages = {
  signIn: "/sign-in",
  verifyRequest: "/sign-in/check-email",
  error: "/sign-in/error",
} as const;

export function signInLinkSettings(config: AppConfig): SignInLinkSettings {
  return {
    publicUrl: config.publicUrl,
    secret: config.nextauthSecret,
    maxAgeHours: config.magicLinkMaxAgeHours,
    timeZone: config.deadlinePolicy.timeZone,
    mail: requestSettingsFromConfig(config).mail,
  };
}

let cached: AuthOptions | undefined;

/** Built on first use, not at import: `next build` imports the route without a configuration. */
export function authOptions(): AuthOptions {
  if (cached) return cached;
  const config = appConfig();
  provideNextAuthUrl(`${config.publicUrl}/api/auth`);
  const database = db();
  const settings = signInLinkSettings(config);
  const cookie = sessionCookie(config.publicUrl);
  cached = {
    secret: config.nextauthSecret,
    adapter: prismaAdapter(database, DEFAULT_SESSION_POLICY),
    // updateAge = maxAge: next-auth never slides a session's end forward; the adapter refuses to as well.
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: cookie.options.secure,
    cookies: { sessionToken: cookie },
    pages: authPages,
    providers: [
      EmailProvider({
        maxAge: config.magicLinkMaxAgeHours * 60 * 60,
        // The canonical form, as the sign-in form, the limits and the stored accounts use it; next-auth's
        // own would cut ",anything" off the domain, so "a@b.example,1" got a link the limit counted apart.
        // Text that is no address throws, which next-auth answers with its EmailSignin error page.
        normalizeIdentifier: normaliseEmail,
        // Used when someone posts to /api/auth/signin/email directly; the sign-in page uses sendSignInLink.
        // The mail links to our page behind the link, like every other sign-in mail, not to next-auth's callback.
        async sendVerificationRequest({ identifier, url, expires, token }) {
          const callbackUrl = new URL(url).searchParams.get("callbackUrl");
          const language = signInLanguage(callbackUrl, config.publicUrl);
          const link = signInLinkUrl(config.publicUrl, language, token, callbackPathOf(callbackUrl, config.publicUrl));
          await database.$transaction((tx) =>
            queueSignInLink(
              tx,
              {
                email: identifier,
                url: link,
                expires,
                language,
                tokenHash: hashLinkToken(token, config.nextauthSecret),
              },
              settings,
              new Date(),
            ),
          );
        },
      }),
    ],
    callbacks: {
      // next-auth's default throws (500) on a callbackUrl that does not parse: ours leads only to this portal, else its start.
      redirect: ({ url, baseUrl }) => sameOriginUrl(url, baseUrl) ?? baseUrl,
      async signIn({ user, email }) {
        // Asking for a link: unknown addresses get no mail, but the very redirect next-auth gives after
        // sending one (core/lib/email/signin.ts), so the answer does not tell them apart.
        if (email?.verificationRequest && !(await isKnownAddress(database, user.email ?? ""))) {
          return `${config.publicUrl}/api/auth/verify-request?${new URLSearchParams({ provider: "email", type: "email" })}`;
        }
        return true;
      },
      async session({ session, user }) {
        // `user` comes from the adapter's session lookup, so role and language are the stored ones.
        session.user = {
          id: user.id,
          email: user.email,
          locale: user.locale === "en" ? "en" : "de",
          role: user.role ?? null,
        };
        return session;
      },
    },
    // next-auth logs errors with their details; ours scrubs personal data from every line.
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
  return cached;
}
