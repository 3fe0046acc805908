// The keys of the staff second factor, each derived from NEXTAUTH_SECRET by HKDF-SHA256 (RFC 5869)
// with a label of its own, so that no key serves two purposes and none is the secret itself: one
// seals the TOTP secrets, one keys the recovery codes' HMAC, one derives the demo staff's secrets.
// The database never holds any of them, so a copy of it alone yields no codes.
import { hkdfSync } from "node:crypto";

export interface SecondFactorKeys {
  /** AES-256-GCM key for the stored TOTP secrets (./sealed-secret.ts); 32 bytes. */
  seal: Buffer;
  /** HMAC-SHA256 key for the recovery codes' digests (./recovery-codes.ts); 32 bytes. */
  recoveryCodes: Buffer;
  /** HMAC-SHA256 key behind the demo staff's TOTP secrets (./demo-secret.ts); 32 bytes. */
  demoSecrets: Buffer;
}

const SALT = "dsr-portal staff second factor";

function derive(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, label, 32));
}

/** The three keys for `nextauthSecret` (at least 32 characters, lib/config/env.ts); the same secret gives the same keys. */
export function secondFactorKeys(nextauthSecret: string): SecondFactorKeys {
  return {
    seal: derive(nextauthSecret, "totp secret seal v1"),
    recoveryCodes: derive(nextauthSecret, "recovery code hmac v1"),
    demoSecrets: derive(nextauthSecret, "demo totp secret v1"),
  };
}
