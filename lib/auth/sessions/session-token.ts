// The random token a session cookie carries, and the digest the database keeps of it.
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, hex: the cookie's value. */
export function newSessionToken(): string {
  return randomBytes(32).toString("hex");
}

/** What `Session.tokenHash` stores: SHA-256 of the token, hex. A stolen table signs nobody in. */
export function sessionTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
