// The dashboard's on-time rate over the last ON_TIME_WINDOW_DAYS days. Of the strip's figures it is
// the one that reads many index entries: every request closed in the window (about 80,000 at a
// million requests over three years; bench/queue.ts), against a few thousand for the others. A rate
// over three months moves by a hundredth of a percent per closure, so it is read at most once a
// minute per database and shared by every page drawn in that minute.
import "server-only";
import { flavorOf, type Db } from "../../db/client";
import { sqlArgs } from "../../db/direct/sql-values";

export const ON_TIME_WINDOW_DAYS = 90;

/** How long one reading of the closed-window counts serves the strip, in milliseconds. */
export const ON_TIME_REFRESH_MS = 60_000;

export interface OnTimeFigures {
  /** Requests closed in the window that had a due date. */
  closedInWindow: number;
  /** Of those, the ones closed on or before their due instant (Art. 12(3)). */
  closedInTime: number;
}

const readings = new WeakMap<Db, { at: number; figures: OnTimeFigures }>();

/**
 * The closed-window counts at `now`: from a reading at most ON_TIME_REFRESH_MS old (by `now`, so a
 * test can move the clock), else read afresh. One statement answered from the (closedAt, dueAt)
 * index alone.
 */
export async function onTimeFigures(db: Db, now: Date): Promise<OnTimeFigures> {
  const reading = readings.get(db);
  const age = reading ? now.getTime() - reading.at : Infinity;
  if (reading && age >= 0 && age < ON_TIME_REFRESH_MS) return reading.figures;
  const figures = await readOnTimeFigures(db, new Date(now.getTime() - ON_TIME_WINDOW_DAYS * 86_400_000));
  readings.set(db, { at: now.getTime(), figures });
  return figures;
}

async function readOnTimeFigures(db: Db, since: Date): Promise<OnTimeFigures> {
  const flavor = flavorOf(db);
  // PostgreSQL's TIMESTAMP(3) takes the instant as UTC text; SQLite compares its stored ISO text.
  const at = flavor === "postgres" ? "$1::timestamp(3)" : "?";
  const [row] = await db.$queryRawUnsafe<Record<string, bigint | number | null>[]>(
    `SELECT COUNT(*) AS "closedInWindow", SUM(CASE WHEN "closedAt" <= "dueAt" THEN 1 ELSE 0 END) AS "closedInTime"
      FROM "Request" WHERE "closedAt" >= ${at} AND "dueAt" IS NOT NULL`,
    ...sqlArgs(flavor, [since]),
  );
  return { closedInWindow: Number(row?.closedInWindow ?? 0), closedInTime: Number(row?.closedInTime ?? 0) };
}
