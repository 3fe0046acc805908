// Abuse limits: how often one IP address or one email address may submit a request or ask for a
// sign-in link per window. Counters live in the database (table RateLimit), so every server
// process counts together. One attempt is one statement for all its limits, an INSERT … ON CONFLICT
// DO UPDATE … RETURNING (the same on SQLite and PostgreSQL) that starts a key's window, adds to it,
// or starts it again once it has passed: the count is made in the database, so concurrent attempts
// are all counted (rate-limit.test.ts checks this on SQLite and PostgreSQL). Windows are fixed: a
// key's window starts at its first attempt. (The rows are those rate-limiter-flexible's Prisma store
// kept, "<limit>:<key>", which this replaced: its four statements per filing, two to clear expired
// rows and two upserts, were a good part of a filing's database time.)
//
// Keys are personal data, so the table holds only HMAC-SHA256(NEXTAUTH_SECRET, address): without
// the secret a row cannot be traced back to an address, even by trying likely ones. Rows expire with
// their window; those expired an hour ago are deleted every five minutes.
import { createHmac } from "node:crypto";
import { appConfig } from "../config/app-config";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { emailLimitKey } from "../input/email-address";
import { logger } from "../log/logger";
import { limitedBlock } from "./client-address";
import type { LimitName, RateLimitSettings } from "./rate-limit-settings";

export interface LimitAttempt {
  limit: LimitName;
  /** An IP or email address, or a user id; null or empty (unknown) skips this limit, the others still count. */
  key: string | null | undefined;
  /** How many of the window's attempts this one uses (e.g. one per file uploaded); 1 when left out. */
  cost?: number;
}

export type LimitResult = { ok: true } | { ok: false; limit: LimitName; retryAfterSeconds: number };

export interface RateLimitContext extends RateLimitSettings {
  /** The key of the HMAC that stands in for each address. */
  secret: string;
}

export function rateLimitContext(): RateLimitContext {
  const config = appConfig();
  return { ...config.rateLimits, secret: config.nextauthSecret };
}

/**
 * Counts one attempt against every named limit (all of them, even when one is already over) and
 * says whether all allowed it. Refused, it names the limit that keeps the client waiting longest.
 */
export async function consumeLimits(
  db: Db,
  attempts: LimitAttempt[],
  context: RateLimitContext = rateLimitContext(),
): Promise<LimitResult> {
  // One row per stored key: a key named twice counts twice (PostgreSQL will not update a row twice in one statement).
  const counted = new Map<string, { limit: LimitName; cost: number }>();
  for (const { limit, key, cost = 1 } of attempts) {
    if (!key) continue;
    const stored = `${limit}:${limitKey(limit, key, context.secret)}`;
    const seen = counted.get(stored);
    counted.set(stored, { limit, cost: (seen?.cost ?? 0) + cost });
  }
  if (counted.size === 0) return { ok: true };
  sweepExpired(db);
  const now = new Date();
  const rows = Prisma.join(
    [...counted].map(
      ([stored, { cost }]) =>
        Prisma.sql`(${stored}, ${cost}, ${new Date(now.getTime() + context.windowSeconds * 1000)})`,
    ),
  );
  // Every assignment reads the row as it was, so both CASEs see the same old window.
  const counts = await db.$queryRaw<{ key: string; points: number | bigint; expire: Date | string | null }[]>`
    INSERT INTO "RateLimit" ("key", "points", "expire") VALUES ${rows}
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."points"
                      ELSE "RateLimit"."points" + excluded."points" END,
      "expire" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."expire"
                      ELSE "RateLimit"."expire" END
    RETURNING "key", "points", "expire"`;
  const worst = counts
    .map((row) => {
      const { limit } = counted.get(row.key)!;
      if (Number(row.points) <= context.points[limit]) return null;
      const left = row.expire === null ? 0 : new Date(row.expire).getTime() - now.getTime();
      return { limit, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
    })
    .filter((refusal) => refusal !== null)
    .sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
  return worst ? { ok: false, ...worst } : { ok: true };
}

/**
 * The stored key: an HMAC of the address. Email addresses count in their limit-key form
 * (lib/input/email-address.ts: canonical, without a +tag), so neither case, a Unicode or full-width
 * spelling of the domain, nor victim+1@, victim+2@ … dodge the per-address limits; IPv6 addresses
 * count by their /64, so that a subscriber's many addresses count as one.
 */
export function limitKey(limit: LimitName, key: string, secret: string): string {
  const normal = limit.endsWith("_email") ? emailLimitKey(key) : key.trim();
  const counted = limit.endsWith("_ip") ? limitedBlock(normal) : normal;
  return createHmac("sha256", secret).update(counted).digest("hex");
}

const SWEEP_EVERY_MS = 5 * 60 * 1000;
const SWEEP_AFTER_MS = 60 * 60 * 1000;
const sweeping = new WeakSet<Db>();

/** Starts, once per client, the timer that deletes rows whose window ended over an hour ago. */
function sweepExpired(db: Db): void {
  if (sweeping.has(db)) return;
  sweeping.add(db);
  const timer = setInterval(() => {
    db.rateLimit
      .deleteMany({ where: { expire: { lt: new Date(Date.now() - SWEEP_AFTER_MS) } } })
      .catch((error: unknown) => logger.warn({ err: error }, "expired abuse-limit rows not cleared"));
  }, SWEEP_EVERY_MS);
  // The timer never keeps a process (a script, a test) alive.
  timer.unref();
}
