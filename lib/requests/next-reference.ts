// Human references, DSR-2026-000123: sequential per year. Guessable on purpose is
// fine: only the request's signed-in subject and staff can open a request.
import type { DirectTx } from "../db/direct/direct-transaction";

/**
 * The next reference of `at`'s year (UTC), "DSR-<year>-<number, six digits or more>", with a direct
 * statement (lib/db/direct/, as the whole filing is stored). Unique: the counter row is incremented in
 * one statement. In a transaction, the number is taken in it (and given back if it rolls back); run on
 * its own, it is taken at once and kept whatever happens next, so a filing that then fails leaves a gap
 * in the numbers. PostgreSQL filings take it that way (submit-request.ts): in the filing's transaction
 * the row stayed locked until commit, and every other filing of the year queued behind it.
 */
export async function nextReferenceDirectly(tx: DirectTx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const counter = await tx.get<{ last: number | string }>(
    `INSERT INTO "ReferenceCounter" ("year", "last") VALUES (?, 1)
     ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1 RETURNING "last"`,
    [year],
  );
  if (!counter) throw new Error("nextReferenceDirectly: the counter returned no row");
  return formatReference(year, Number(counter.last));
}

function formatReference(year: number, last: number): string {
  return `DSR-${year}-${String(last).padStart(6, "0")}`;
}
