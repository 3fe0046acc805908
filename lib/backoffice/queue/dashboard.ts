// The queue's dashboard strip: a handful of counts, each answered from an index alone so that it
// stays fast at a million requests (bench/queue.ts measures it): open by status and the due windows
// from (status, dueAt), this week's receipts from (receivedAt, id), the on-time rate from
// (closedAt, dueAt), read at most once a minute (on-time-figures.ts).
import "server-only";
import { flavorOf, type Db } from "../../db/client";
import { sqlArgs } from "../../db/direct/sql-values";
import { activeStatuses } from "../../requests/workflow/states";
import { may } from "../access/capabilities";
import type { StaffViewer } from "../access/staff-gate";
import { QueueNotAllowed } from "./queue-page";
import { onTimeFigures } from "./on-time-figures";
import { dueWithinBound, startOfWeek } from "./queue-instants";

export { ON_TIME_WINDOW_DAYS } from "./on-time-figures";

const OPEN = activeStatuses.map((status) => `'${status}'`).join(", ");

/**
 * The window counts in one statement of COUNT(*)s, each answered from an index alone. Written as SQL
 * because Prisma's count selects the id in a subquery, which these indexes do not hold (every row
 * would be read). `at` are the instants in the order the statement uses them.
 */
async function windowCounts(db: Db, at: Date[]) {
  const postgres = flavorOf(db) === "postgres";
  let n = 0;
  // PostgreSQL's TIMESTAMP(3) takes the instant as UTC text; SQLite compares its stored ISO text.
  const p = () => (postgres ? `$${++n}::timestamp(3)` : "?");
  const sql = `SELECT
    (SELECT COUNT(*) FROM "Request" WHERE "status" IN (${OPEN}) AND "dueAt" > ${p()} AND "dueAt" <= ${p()}) AS "dueSoon",
    (SELECT COUNT(*) FROM "Request" WHERE "status" IN (${OPEN}) AND "dueAt" <= ${p()}) AS "overdue",
    (SELECT COUNT(*) FROM "Request" WHERE "receivedAt" >= ${p()}) AS "receivedThisWeek"`;
  const [row] = await db.$queryRawUnsafe<Record<string, bigint | number>[]>(
    sql,
    ...sqlArgs(postgres ? "postgres" : "sqlite", at),
  );
  const count = (name: string) => Number(row?.[name] ?? 0);
  return {
    dueSoon: count("dueSoon"),
    overdue: count("overdue"),
    receivedThisWeek: count("receivedThisWeek"),
  };
}

export interface Dashboard {
  openByStatus: Record<(typeof activeStatuses)[number], number>;
  /** Open, not overdue, with at most `dueSoonDays` days left (lib/deadlines/status.ts). */
  dueSoon: number;
  /** Open and past the end of their period (Art. 12(3)). */
  overdue: number;
  /** Received (confirmed) since Monday, in the controller's time zone. */
  receivedThisWeek: number;
  /**
   * Of the requests closed in the last ON_TIME_WINDOW_DAYS days that had a due date, the share
   * closed on or before it (0..1); null when none closed. Withdrawals count as closed in time; spam
   * does not count at all (marking it drops its due date, lib/requests/workflow/transition.ts). Up to
   * ON_TIME_REFRESH_MS old (on-time-figures.ts).
   */
  onTimeRate: number | null;
  closedInWindow: number;
}

/** The strip's figures at `now`, for a viewer holding "queue.view". */
export async function dashboardFor(
  db: Db,
  viewer: Pick<StaffViewer, "actor">,
  policy: { timeZone: string; dueSoonDays: number },
  now: Date,
): Promise<Dashboard> {
  if (!may(viewer.actor.role, "queue.view")) throw new QueueNotAllowed();
  const [byStatus, counts, { closedInWindow, closedInTime }] = await Promise.all([
    db.request.groupBy({ by: ["status"], where: { status: { in: [...activeStatuses] } }, _count: { _all: true } }),
    windowCounts(db, [
      now,
      dueWithinBound(now, policy.timeZone, policy.dueSoonDays),
      now,
      startOfWeek(now, policy.timeZone),
    ]),
    onTimeFigures(db, now),
  ]);
  const { dueSoon, overdue, receivedThisWeek } = counts;
  const openByStatus = Object.fromEntries(activeStatuses.map((s) => [s, 0])) as Dashboard["openByStatus"];
  for (const row of byStatus) openByStatus[row.status as keyof typeof openByStatus] = row._count._all;
  return {
    openByStatus,
    dueSoon,
    overdue,
    receivedThisWeek,
    onTimeRate: closedInWindow ? closedInTime / closedInWindow : null,
    closedInWindow,
  };
}
