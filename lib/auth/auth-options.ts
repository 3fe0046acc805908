// next-auth 4 for this portal: the email provider (magic links through the mail outbox), our
// adapter, and JWT sessions that carry the user's id, address, language and staff role.
import type { AuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { appConfig, type AppConfig } from "../config/app-config";
import { provideNextAuthUrl } from "../config/env";
import { db } from "../db/client";
import { logger } from "../log/logger";
import { requestSettingsFromConfig } from "../requests/settings-from-config";
import { prismaAdapter } from "./adapter";
import { sameOriginUrl } from "./callback-url";
import { isKnownAddress, queueSignInLink, signInLanguage, type SignInLinkSettings } from "./sign-in-link";

/** A signed-in session lasts a working day; a JWT cannot be revoked, so it should not live long. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
  cached = {
    secret: config.nextauthSecret,
    adapter: prismaAdapter(database),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: authPages,
    providers: [
      EmailProvider({
        maxAge: config.magicLinkMaxAgeHours * 60 * 60,
        // Used when someone posts to /api/auth/signin/email directly; the sign-in page uses sendSignInLink.
        async sendVerificationRequest({ identifier, url, expires }) {
          const callbackUrl = new URL(url).searchParams.get("callbackUrl");
          const language = signInLanguage(callbackUrl, config.publicUrl);
          await database.$transaction((tx) =>
            queueSignInLink(tx, { email: identifier, url, expires, language }, settings, new Date()),
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
      async jwt({ token, user }) {
        // `user` is there only at sign-in: what the session claims is fixed then, and
        // transitionRequest checks again that staff still hold the role.
        if (user) {
          token.sub = user.id;
          token.email = user.email;
          token.locale = user.locale === "en" ? "en" : "de";
          token.role = user.role ?? null;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = {
          id: token.sub ?? "",
          email: token.email ?? "",
          locale: token.locale ?? "de",
          role: token.role ?? null,
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
