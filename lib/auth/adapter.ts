// next-auth's adapter over our Prisma client: users, verification tokens and database sessions
// (lib/auth/sessions/). There are no OAuth accounts, so those methods refuse loudly instead of
// pretending. Sessions are stored by the SHA-256 of their token, with an absolute end that using
// them never moves (lib/auth/sessions/session-policy.ts).
import type { Adapter, AdapterSession, AdapterUser, VerificationToken } from "next-auth/adapters";
import type { Db } from "../db/client";
import { canonicalEmail } from "../input/email-address";
import { endSession } from "./sessions/end-sessions";
import { readSession, type StoredSession } from "./sessions/read-session";
import { roleOf, sessionExpiry, type SessionPolicy } from "./sessions/session-policy";
import { sessionTokenHash } from "./sessions/session-token";

const userFields = { id: true, email: true, emailVerified: true, name: true, role: true, locale: true } as const;

type UserRow = {
  id: string;
  email: string;
  emailVerified: Date | null;
  name: string | null;
  role: AdapterUser["role"];
  locale: string;
};

function toAdapterUser(row: UserRow): AdapterUser {
  return { ...row };
}

/**
 * The canonical form of an address (lib/input/email-address.ts: domain in lower-case punycode, the
 * part before the @ lower-cased), which accounts, requests, link tokens and limits all store and
 * compare. Throws for text that is no address: callers pass addresses they have validated.
 */
export function normaliseEmail(email: string): string {
  const canonical = canonicalEmail(email);
  if (!canonical.ok) throw new Error(`not an e-mail address (${canonical.error.code})`);
  return canonical.address;
}

/** The canonical form, or null for text that is no address (and so matches no account or link). */
function lookupAddress(email: unknown): string | null {
  if (typeof email !== "string") return null;
  const canonical = canonicalEmail(email);
  return canonical.ok ? canonical.address : null;
}

function notSupported(method: string): never {
  throw new Error(`${method} is not supported: the portal signs in by email link only`);
}

function toAdapterSession(token: string, session: StoredSession): AdapterSession {
  return { sessionToken: token, userId: session.userId, expires: session.expires };
}

export function prismaAdapter(db: Db, policy: SessionPolicy, now: () => Date = () => new Date()): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      // next-auth passes the profile without an id; the database gives one.
      const row = await db.user.create({
        data: { email: normaliseEmail(user.email), emailVerified: user.emailVerified ?? null, name: user.name ?? null },
        select: userFields,
      });
      return toAdapterUser(row);
    },

    async getUser(id) {
      const row = await db.user.findUnique({ where: { id }, select: userFields });
      return row ? toAdapterUser(row) : null;
    },

    async getUserByEmail(email) {
      const address = lookupAddress(email);
      if (!address) return null;
      const row = await db.user.findUnique({ where: { email: address }, select: userFields });
      return row ? toAdapterUser(row) : null;
    },

    async updateUser(user) {
      // next-auth only ever records a verification (and, for OAuth, a name); the role is never its business.
      const row = await db.user.update({
        where: { id: user.id },
        data: {
          ...(user.emailVerified !== undefined ? { emailVerified: user.emailVerified } : {}),
          ...(user.name !== undefined ? { name: user.name } : {}),
        },
        select: userFields,
      });
      return toAdapterUser(row);
    },

    async createVerificationToken(token) {
      // Housekeeping on the way: links that ran out are useless, so they do not pile up.
      await db.verificationToken.deleteMany({ where: { expires: { lt: now() } } });
      const row = await db.verificationToken.create({
        data: { identifier: normaliseEmail(token.identifier), token: token.token, expires: token.expires },
      });
      return row;
    },

    // next-auth calls this from its email callback, which the portal no longer lets run (app/api/auth
    // sends those requests to the page behind the link; lib/auth/links/redeem-link.ts spends tokens).
    // Kept correct anyway: deleting is the claim, and an expired link never works.
    async useVerificationToken({ identifier, token }): Promise<VerificationToken | null> {
      // A link's address comes from its query string: one that is no address has no token.
      const address = lookupAddress(identifier);
      if (!address) return null;
      const row = await db.verificationToken.findUnique({
        where: { identifier_token: { identifier: address, token } },
      });
      if (!row) return null;
      const claimed = await db.verificationToken.deleteMany({ where: { identifier: row.identifier, token } });
      return claimed.count === 1 && row.expires.getTime() > now().getTime() ? row : null;
    },

    async createSession({ sessionToken, userId }) {
      // Only next-auth's own callback would call this (see above); the end follows our policy, not its maxAge.
      const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
      const at = now();
      const expires = sessionExpiry(policy, roleOf(user.role), at);
      await db.session.create({
        data: { tokenHash: sessionTokenHash(sessionToken), userId, createdAt: at, expires, lastSeenAt: at },
      });
      return { sessionToken, userId, expires };
    },

    async getSessionAndUser(sessionToken) {
      const session = await readSession(db, sessionToken, policy, now());
      // A session still owing its second factor reaches nothing through next-auth either.
      if (!session || session.secondFactor === "pending") return null;
      return {
        session: toAdapterSession(sessionToken, session),
        user: toAdapterUser({
          id: session.userId,
          email: session.email,
          emailVerified: session.emailVerified,
          name: session.name,
          role: session.role,
          locale: session.locale,
        }),
      };
    },

    async updateSession({ sessionToken }) {
      // next-auth would slide the end forward on use; ours is absolute, so nothing changes.
      const session = await readSession(db, sessionToken, policy, now());
      return session ? toAdapterSession(sessionToken, session) : null;
    },

    async deleteSession(sessionToken) {
      await endSession(db, sessionToken);
      return null;
    },

    getUserByAccount: () => notSupported("getUserByAccount"),
    linkAccount: () => notSupported("linkAccount"),
    unlinkAccount: () => notSupported("unlinkAccount"),
    deleteUser: () => notSupported("deleteUser"),
  };
}
