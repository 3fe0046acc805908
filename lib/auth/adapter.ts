// next-auth's adapter over our Prisma client: only what the email provider needs with
// JWT sessions (users and verification tokens). There are no OAuth accounts and no session
// table, so those methods refuse loudly instead of pretending.
import type { Adapter, AdapterUser, VerificationToken } from "next-auth/adapters";
import type { Db } from "../db/client";
import { canonicalEmail } from "../input/email-address";

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
  throw new Error(`${method} is not supported: the portal signs in by email link only, with JWT sessions`);
}

export function prismaAdapter(db: Db, now: () => Date = () => new Date()): Adapter {
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

    async useVerificationToken({ identifier, token }): Promise<VerificationToken | null> {
      // A link's address comes from its query string: one that is no address has no token.
      const address = lookupAddress(identifier);
      if (!address) return null;
      // Deleting is the claim: of two clicks on one link, only the one whose delete finds the row signs in.
      try {
        const row = await db.verificationToken.delete({
          where: { identifier_token: { identifier: address, token } },
        });
        // next-auth checks the expiry too; an expired link must not work even if it ever stopped doing so.
        return row.expires.getTime() > now().getTime() ? row : null;
      } catch (error) {
        if ((error as { code?: string }).code === "P2025") return null;
        throw error;
      }
    },

    getUserByAccount: () => notSupported("getUserByAccount"),
    linkAccount: () => notSupported("linkAccount"),
    unlinkAccount: () => notSupported("unlinkAccount"),
    deleteUser: () => notSupported("deleteUser"),
    createSession: () => notSupported("createSession"),
    getSessionAndUser: () => notSupported("getSessionAndUser"),
    updateSession: () => notSupported("updateSession"),
    deleteSession: () => notSupported("deleteSession"),
  };
}
