// The abuse limits against real databases: counts, refusals with a retry time, independent keys,
// windows that pass, and concurrent attempts that are all counted.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../scripts/test/private-database";
import { createDb, type Db } from "../db/client";
import { directStatements, directTransaction } from "../db/direct/direct-transaction";
import { consumeLimits, consumeLimitsDirectly, limitKey, limitStanding, type RateLimitContext } from "./rate-limit";
import { limitNames, type LimitName } from "./rate-limit-settings";

const secret = "a-test-secret-of-at-least-32-characters!";

function context(points: number, windowSeconds = 3600): RateLimitContext {
  return {
    secret,
    windowSeconds,
    points: Object.fromEntries(limitNames.map((name) => [name, points])) as Record<LimitName, number>,
  };
}

describe.each(inject("testDatabases").map((d) => d.flavor))("abuse limits on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "ratelimit");
    db = createDb(database.url);
    drop = database.drop;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("tells a used-up limit without counting, in a window of the limit's own where it has one", async () => {
    const limits: RateLimitContext = { ...context(2), windowSecondsByLimit: { second_factor_user: 900 } };
    const key = { limit: "second_factor_user", key: `user-${flavor}-${Date.now()}` } as const;
    // Asking counts nothing, however often.
    for (let i = 0; i < 5; i++) expect(await limitStanding(db, key, limits)).toEqual({ ok: true });
    expect(await consumeLimits(db, [key], limits)).toEqual({ ok: true });
    expect(await limitStanding(db, key, limits)).toEqual({ ok: true });
    expect(await consumeLimits(db, [key], limits)).toEqual({ ok: true });
    const standing = await limitStanding(db, key, limits);
    expect(standing).toMatchObject({ ok: false, limit: "second_factor_user" });
    if (standing.ok) throw new Error("unreachable");
    expect(standing.retryAfterSeconds).toBeGreaterThan(890);
    expect(standing.retryAfterSeconds).toBeLessThanOrEqual(900);
    // The same count directly (lib/db/direct/): the limit's own window, not the hour of the others.
    const direct = await directStatements(db, (tx) => consumeLimitsDirectly(tx, [key], new Date(), limits));
    expect(direct).toMatchObject({ ok: false, limit: "second_factor_user" });
    if (direct.ok) throw new Error("unreachable");
    expect(direct.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it("refuses the attempt after the limit, with the time left in the window", async () => {
    const limits = context(3);
    const attempt = [{ limit: "sign_in_ip", key: "198.51.100.1" }] as const;
    for (let i = 0; i < 3; i++) expect(await consumeLimits(db, [...attempt], limits)).toEqual({ ok: true });
    const refused = await consumeLimits(db, [...attempt], limits);
    expect(refused).toMatchObject({ ok: false, limit: "sign_in_ip" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.retryAfterSeconds).toBeGreaterThan(3590);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it("counted directly (a filing) and through the library (everything else), one count in the same row", async () => {
    const limits = context(4, 2);
    const attempt = [{ limit: "submission_email", key: "both-ways@example.org" }] as const;
    const direct = () => directStatements(db, (tx) => consumeLimitsDirectly(tx, [...attempt], new Date(), limits));
    expect(await direct()).toEqual({ ok: true });
    expect(await consumeLimits(db, [...attempt], limits)).toEqual({ ok: true });
    expect(await direct()).toEqual({ ok: true });
    expect(await consumeLimits(db, [...attempt], limits)).toEqual({ ok: true });
    // The fifth attempt, either way, is over the four allowed, for the rest of the window.
    const refused = await direct();
    expect(refused).toMatchObject({ ok: false, limit: "submission_email" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(2);
    expect(await consumeLimits(db, [...attempt], limits)).toMatchObject({ ok: false });
    // Counted in a transaction that rolls back, an attempt leaves no count.
    await directTransaction(db, async (tx) => {
      await consumeLimitsDirectly(tx, [...attempt], new Date(), limits);
      throw new Error("rolled back");
    }).catch(() => undefined);
    expect(
      (
        await db.rateLimit.findUniqueOrThrow({
          where: { key: `submission_email:${limitKey("submission_email", "both-ways@example.org", secret)}` },
        })
      ).points,
    ).toBe(6);
    // Once the window has passed, a direct count starts a new one.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await direct()).toEqual({ ok: true });
    expect(await consumeLimits(db, [...attempt], limits)).toEqual({ ok: true });
  });

  it("counts each key and each limit on its own; an email address in any spelling is one key", async () => {
    const limits = context(1);
    const ok = { ok: true };
    expect(await consumeLimits(db, [{ limit: "sign_in_email", key: "Anna@Example.org" }], limits)).toEqual(ok);
    expect(await consumeLimits(db, [{ limit: "sign_in_email", key: " anna@example.org" }], limits)).toMatchObject({
      ok: false,
      limit: "sign_in_email",
    });
    // Its +tag, a full-width or Unicode spelling of the domain: still the same mailbox, so the same key.
    for (const key of ["anna+1@example.org", "Anna@ｅｘａｍｐｌｅ.ORG"]) {
      expect(await consumeLimits(db, [{ limit: "sign_in_email", key }], limits), key).toMatchObject({ ok: false });
    }
    expect(limitKey("sign_in_email", "joerg+x@müller-beispiel.de", secret)).toBe(
      limitKey("sign_in_email", "joerg@xn--mller-beispiel-gsb.de", secret),
    );
    expect(await consumeLimits(db, [{ limit: "sign_in_email", key: "jonas@example.org" }], limits)).toEqual(ok);
    expect(await consumeLimits(db, [{ limit: "submission_email", key: "anna@example.org" }], limits)).toEqual(ok);
    expect(await consumeLimits(db, [{ limit: "submission_ip", key: "198.51.100.2" }], limits)).toEqual(ok);
    expect(await consumeLimits(db, [{ limit: "submission_ip", key: "198.51.100.3" }], limits)).toEqual(ok);
  });

  it("counts every named limit, names the refusing one, and skips an unknown address", async () => {
    const limits = context(2);
    const attempt = (email: string) =>
      consumeLimits(
        db,
        [
          { limit: "submission_ip", key: null },
          { limit: "submission_email", key: email },
        ],
        limits,
      );
    expect(await attempt("lea@example.org")).toEqual({ ok: true });
    expect(await attempt("lea@example.org")).toEqual({ ok: true });
    expect(await attempt("lea@example.org")).toMatchObject({ ok: false, limit: "submission_email" });
    expect(await attempt("ben@example.org")).toEqual({ ok: true });
  });

  it("counts an IPv6 /64 as one client, whatever address in it and however written", async () => {
    const limits = context(2);
    const attempt = (key: string) => consumeLimits(db, [{ limit: "sign_in_ip", key }], limits);
    expect(await attempt("2001:db8:77:1::1")).toEqual({ ok: true });
    expect(await attempt("2001:0DB8:0077:0001:0000:0000:0000:0abc")).toEqual({ ok: true });
    expect(await attempt("2001:db8:77:1:ffff::9")).toMatchObject({ ok: false, limit: "sign_in_ip" });
    expect(await attempt("2001:db8:77:2::1")).toEqual({ ok: true });
    expect(await attempt("198.51.100.77")).toEqual({ ok: true });
  });

  it("starts again when the window has passed", async () => {
    const limits = context(1, 1);
    const attempt = [{ limit: "sign_in_ip", key: "198.51.100.4" }] as const;
    expect(await consumeLimits(db, [...attempt], limits)).toEqual({ ok: true });
    expect(await consumeLimits(db, [...attempt], limits)).toEqual({
      ok: false,
      limit: "sign_in_ip",
      retryAfterSeconds: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await consumeLimits(db, [...attempt], limits)).toEqual({ ok: true });
  });

  it("lets exactly the limit through when attempts come at once", async () => {
    const limits = context(5);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => consumeLimits(db, [{ limit: "submission_ip", key: "198.51.100.5" }], limits)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toHaveLength(15);
  });

  it("stores no address, only its keyed hash, with an expiry", async () => {
    await consumeLimits(db, [{ limit: "sign_in_email", key: "secret.person@example.org" }], context(5));
    const rows = await db.rateLimit.findMany();
    expect(JSON.stringify(rows)).not.toMatch(/example\.org|198\.51\.100/);
    expect(rows.map((r) => r.key)).toContain(
      `sign_in_email:${limitKey("sign_in_email", "secret.person@example.org", secret)}`,
    );
    expect(rows.every((r) => r.expire instanceof Date)).toBe(true);
    // Another secret gives another key: the hash cannot be recomputed from a guessed address alone.
    expect(limitKey("sign_in_email", "secret.person@example.org", "another-secret")).not.toBe(
      limitKey("sign_in_email", "secret.person@example.org", secret),
    );
  });
});
