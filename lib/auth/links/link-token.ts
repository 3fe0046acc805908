// The token a magic link carries, and how it is kept: only as next-auth's hash of it, so a copy of
// the database (or of the outbox once its mails are erased) signs nobody in.
import { createHash, randomBytes } from "node:crypto";
import type { DirectTx } from "../../db/direct/direct-transaction";
import type { Tx } from "../../db/tx";

/** next-auth 4's hashToken (core/lib/utils.ts): SHA-256 of token + secret, hex. */
export function hashLinkToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

export interface IssuedLinkToken {
  /** Goes into the mail's link; never stored. */
  token: string;
  /** What VerificationToken.token and OutboundMail.linkTokenHash store. */
  tokenHash: string;
  expires: Date;
}

/** A new token for `now`, valid `maxAgeHours` (not yet stored). */
export function newLinkToken(settings: { secret: string; maxAgeHours: number }, now: Date): IssuedLinkToken {
  const token = randomBytes(32).toString("hex");
  return {
    token,
    tokenHash: hashLinkToken(token, settings.secret),
    expires: new Date(now.getTime() + settings.maxAgeHours * 3_600_000),
  };
}

const SWEEP_EVERY_MS = 60_000;
/** When this process last cleared expired links (a clock that went back sweeps again). */
let lastSweep = Number.NEGATIVE_INFINITY;

/**
 * Whether links that ran out are to be cleared now: at most once a minute per process (a busy intake
 * would otherwise pay a statement per link for rows that are rarely there). Says yes once per minute.
 */
export function timeToSweepLinks(now: Date): boolean {
  const sinceSweep = now.getTime() - lastSweep;
  if (sinceSweep >= 0 && sinceSweep < SWEEP_EVERY_MS) return false;
  lastSweep = now.getTime();
  return true;
}

/**
 * Stores a new single-use token for `email` (already in its canonical form) valid `maxAgeHours`
 * from `now`; links that ran out are cleared on the way (timeToSweepLinks) so they do not pile up.
 */
export async function issueLinkToken(
  tx: Tx,
  email: string,
  settings: { secret: string; maxAgeHours: number },
  now: Date,
): Promise<IssuedLinkToken> {
  const issued = newLinkToken(settings, now);
  if (timeToSweepLinks(now)) await tx.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  await tx.verificationToken.create({ data: { identifier: email, token: issued.tokenHash, expires: issued.expires } });
  return issued;
}

/** issueLinkToken with direct statements (lib/db/direct/), for the filing: the same rows. */
export async function issueLinkTokenDirectly(
  tx: DirectTx,
  email: string,
  settings: { secret: string; maxAgeHours: number },
  now: Date,
): Promise<IssuedLinkToken> {
  const issued = newLinkToken(settings, now);
  if (timeToSweepLinks(now)) await tx.run(`DELETE FROM "VerificationToken" WHERE "expires" < ?`, [now]);
  await tx.run(`INSERT INTO "VerificationToken" ("identifier", "token", "expires") VALUES (?, ?, ?)`, [
    email,
    issued.tokenHash,
    issued.expires,
  ]);
  return issued;
}

/** A token as links carry it: 64 hex digits. Anything else is not looked up at all. */
export function isLinkTokenShape(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{64}$/.test(value);
}
