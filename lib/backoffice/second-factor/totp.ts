// The one module that speaks to otplib (RFC 6238 TOTP: HMAC-SHA1, 6 digits, 30-second steps, the
// parameters every authenticator app assumes). Secrets are base32 text, as otpauth URIs carry them.
import { generate, generateSecret, generateURI, ScureBase32Plugin, verify } from "otplib";

/** Seconds per time step: the step of `now` is floor(unix seconds / 30). */
export const TOTP_PERIOD_SECONDS = 30;

/** Steps either side of the current one a code may come from (RFC 6238 §5.2: clock drift, typing time). */
const TOLERANCE_STEPS = 1;

const base32 = new ScureBase32Plugin();

const epochOf = (now: Date) => Math.floor(now.getTime() / 1000);

/** The time step `now` falls in. */
export function totpStep(now: Date): number {
  return Math.floor(epochOf(now) / TOTP_PERIOD_SECONDS);
}

/** A new random secret: 160 bits (RFC 4226's recommendation), base32 without padding. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** `bytes` as a TOTP secret (base32 without padding), for secrets derived rather than drawn (./demo-secret.ts). */
export function totpSecretOf(bytes: Uint8Array): string {
  return base32.encode(bytes, { padding: false });
}

/** The 6-digit code of `secret` at `now`. */
export function totpCode(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: epochOf(now), period: TOTP_PERIOD_SECONDS });
}

/**
 * The time step whose code `code` (6 digits) is, within one step either side of `now`'s, or null.
 * With `afterStep`, only steps after it count: a code of that step or an earlier one gives null.
 */
export async function matchTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null = null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  // otplib throws for an afterTimeStep past the window's last step; no step could be accepted then.
  if (afterStep !== null && afterStep >= totpStep(now) + TOLERANCE_STEPS) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: epochOf(now),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOLERANCE_STEPS * TOTP_PERIOD_SECONDS,
    afterTimeStep: afterStep ?? undefined,
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** The otpauth:// URI an authenticator app takes from the QR code: `issuer` and `label` name the entry. */
export function totpUri(secret: string, issuer: string, label: string): string {
  return generateURI({ secret, issuer, label, period: TOTP_PERIOD_SECONDS });
}
