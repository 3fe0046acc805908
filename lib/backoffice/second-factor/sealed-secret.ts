// A TOTP secret as the database keeps it: sealed with AES-256-GCM under a key derived from
// NEXTAUTH_SECRET (./second-factor-keys.ts), so a copy of the database alone yields no codes. The
// user's id is the additional authenticated data: a sealed secret copied onto another user's row
// does not open there. Format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url (12-byte IV, 16-byte tag).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

/** Thrown when a sealed secret does not open: another NEXTAUTH_SECRET, another user's row, or damage. */
export class SealedSecretError extends Error {
  constructor() {
    super("a stored TOTP secret does not open: NEXTAUTH_SECRET changed, or the row was altered");
    this.name = "SealedSecretError";
  }
}

const aad = (userId: string) => Buffer.from(`staff-totp:${userId}`, "utf8");

/** `secret` (base32 text) sealed for `userId` under `key` (32 bytes); a fresh IV each time. */
export function sealSecret(secret: string, key: Buffer, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(aad(userId));
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, sealed, cipher.getAuthTag()].map((part) => part.toString("base64url"))].join(".");
}

/** The secret `sealSecret` sealed for `userId` under `key`; throws SealedSecretError for anything else. */
export function openSecret(sealed: string, key: Buffer, userId: string): string {
  const [version, iv, ciphertext, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !ciphertext || !tag || rest.length) throw new SealedSecretError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 })
      .setAAD(aad(userId))
      .setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedSecretError();
  }
}
