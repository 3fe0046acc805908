// Abuse limits: how often one IP address or one email address may submit a request or ask for a
// sign-in link per window. Counters live in the database (table RateLimit), so every server
// process counts together, through rate-limiter-flexible's Prisma store. That store works with
// Prisma 7 and its driver adapters on both engines: a hit is `deleteMany` of the key's expired row,
// then an `upsert` that increments in the database (Prisma runs it as INSERT … ON CONFLICT DO
// UPDATE), so concurrent attempts are all counted; rate-limit.test.ts checks this on SQLite and
// PostgreSQL. Windows are fixed: a key's window starts at its first attempt.
//
// Keys are personal data, so the table holds only HMAC-SHA256(NEXTAUTH_SECRET, address): without
// the secret a row cannot be traced back to an address, even by trying likely ones. Rows expire with
// their window; the store deletes those expired an hour ago every five minutes.
import { createHmac } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { appConfig } from "../config/app-config";
import type { Db } from "../db/client";
import type { DirectTx } from "../db/direct/direct-transaction";
import { instantFromSql } from "../db/direct/sql-values";
import type { Tx } from "../db/tx";
import { emailLimitKey } from "../input/email-address";
import { limitedBlock } from "./client-address";
import { limitWindowSeconds, type LimitName, type RateLimitSettings } from "./rate-limit-settings";

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
 * `db` may be a transaction's client: the counts then commit (or roll back) with that transaction.
 */
export async function consumeLimits(
  db: Db | Tx,
  attempts: LimitAttempt[],
  context: RateLimitContext = rateLimitContext(),
): Promise<LimitResult> {
  const refusals = await Promise.all(
    attempts
      .filter((attempt) => attempt.key)
      .map(async ({ limit, key, cost = 1 }) => {
        try {
          await limiter(db, limit, context).consume(limitKey(limit, key!, context.secret), cost);
          return null;
        } catch (outcome) {
          if (!(outcome instanceof RateLimiterRes)) throw outcome;
          return refusal(limit, outcome.msBeforeNext);
        }
      }),
  );
  return outcomeOf(refusals.filter((r) => r !== null));
}

/**
 * Whether `key` has used up `limit` in its current window, without counting an attempt: for limits
 * counted only when an attempt fails (wrong second-factor codes), so that a limited key is refused
 * before its attempt is even looked at, a right one included.
 */
export async function limitStanding(
  db: Db | Tx,
  { limit, key }: { limit: LimitName; key: string },
  context: RateLimitContext = rateLimitContext(),
): Promise<LimitResult> {
  const counted = await limiter(db, limit, context).get(limitKey(limit, key, context.secret));
  if (!counted || counted.consumedPoints < context.points[limit]) return { ok: true };
  return { ok: false, ...refusal(limit, counted.msBeforeNext) };
}

type Refusal = { limit: LimitName; retryAfterSeconds: number };

/** A refusal by `limit` whose window runs `msBeforeNext` more milliseconds (asked to wait 1 s at least). */
function refusal(limit: LimitName, msBeforeNext: number): Refusal {
  return { limit, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
}

/** Allowed when nothing refused; else the refusal that keeps the client waiting longest. */
function outcomeOf(refusals: Refusal[]): LimitResult {
  const worst = refusals.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
  return worst ? { ok: false, ...worst } : { ok: true };
}

/**
 * consumeLimits with direct statements (lib/db/direct/), for the filing: the same rows in the same
 * table as rate-limiter-flexible's Prisma store keeps them ("<limit>:<key>", points, expire), counted
 * the same way: a row whose window has ended starts a new one, any other is incremented in the
 * database (one statement per limit, so concurrent attempts all count), and an attempt is refused when
 * its window's count exceeds the limit's points, for as long as the window still runs.
 */
export async function consumeLimitsDirectly(
  tx: DirectTx,
  attempts: LimitAttempt[],
  now: Date,
  context: RateLimitContext = rateLimitContext(),
): Promise<LimitResult> {
  const refusals: Refusal[] = [];
  for (const { limit, key, cost = 1 } of attempts) {
    if (!key) continue;
    const newExpire = new Date(now.getTime() + limitWindowSeconds(limit, context) * 1000);
    const row = await tx.get<{ points: number | string; expire: string | null }>(
      `INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (?, ?, ?)
       ON CONFLICT ("key") DO UPDATE SET
         "points" = CASE WHEN "RateLimit"."expire" <= ? THEN excluded."points" ELSE "RateLimit"."points" + excluded."points" END,
         "expire" = CASE WHEN "RateLimit"."expire" <= ? THEN excluded."expire" ELSE "RateLimit"."expire" END
       RETURNING "points", CAST("expire" AS TEXT) AS "expire"`,
      [`${limit}:${limitKey(limit, key, context.secret)}`, cost, newExpire, now, now],
    );
    if (!row) throw new Error("consumeLimitsDirectly: the counter returned no row");
    if (Number(row.points) <= context.points[limit]) continue;
    const msBeforeNext = row.expire === null ? 0 : Math.max(instantFromSql(row.expire).getTime() - now.getTime(), 0);
    refusals.push(refusal(limit, msBeforeNext));
  }
  return outcomeOf(refusals);
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

// One limiter per client and setting: each starts a cleanup timer, so they are made once, not per call.
const limiters = new WeakMap<Db, Map<string, RateLimiterPrisma>>();

function limiter(client: Db | Tx, limit: LimitName, context: RateLimitSettings): RateLimiterPrisma {
  const points = context.points[limit];
  // tableName is the Prisma client's delegate (db.rateLimit), which the package's types leave out.
  const options = {
    storeClient: client,
    tableName: "rateLimit",
    keyPrefix: limit,
    points,
    duration: limitWindowSeconds(limit, context),
  };
  // A transaction's client lives as long as its transaction: its limiter is made for the call, without
  // the cleanup timer (the process-wide client's limiter runs that).
  if (!("$disconnect" in client)) return new RateLimiterPrisma({ ...options, clearExpiredByTimeout: false });
  const id = `${limit}:${points}:${options.duration}`;
  const forDb = limiters.get(client) ?? new Map<string, RateLimiterPrisma>();
  limiters.set(client, forDb);
  let made = forDb.get(id);
  if (!made) {
    made = new RateLimiterPrisma(options);
    forDb.set(id, made);
  }
  return made;
}
