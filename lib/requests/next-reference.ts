// Human references, DSR-2026-000123: sequential per year. Guessable on purpose is
// fine: only the request's signed-in subject and staff can open a request.
import type { Tx } from "../db/tx";

/**
 * The next reference of `at`'s year (UTC), "DSR-<year>-<number, six digits or more>". Unique: the
 * counter row is incremented in one statement. Given a transaction, the number is taken in it (and
 * given back if it rolls back); given the client, it is taken at once and kept whatever happens next,
 * so a filing that then fails leaves a gap in the numbers. PostgreSQL filings take it that way
 * (submit-request.ts): in the filing's transaction the row stayed locked until commit, and every
 * other filing of the year queued behind it.
 */
export async function nextReference(client: Pick<Tx, "referenceCounter">, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const counter = await client.referenceCounter.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return `DSR-${year}-${String(counter.last).padStart(6, "0")}`;
}
