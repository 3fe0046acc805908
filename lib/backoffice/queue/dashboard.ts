// The queue's dashboard strip: a handful of counts, each answered from an index alone so that it
// stays fast at a million requests (bench/queue.ts measures it): open by status and the due windows
// from (status, dueAt), this week's receipts from (receivedAt, id), the on-time rate from
// (closedAt, dueAt).
import "server-only";
import type { Db } from "../../db/client";
import { activeStatuses } from "../../requests/workflow/states";
import { may } from "../access/capabilities";
import type { StaffViewer } from "../access/staff-gate";
import { QueueNotAllowed } from "./queue-page";
import { dueWithinBound, startOfWeek } from "./queue-instants";

export const ON_TIME_WINDOW_DAYS = 90;

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
   * closed on or before it (0..1); null when none closed. Withdrawals count as closed in time.
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
  const open = { status: { in: [...activeStatuses] } };
  const since = new Date(now.getTime() - ON_TIME_WINDOW_DAYS * 86_400_000);
  const closed = { closedAt: { gte: since }, dueAt: { not: null } };
  const [byStatus, dueSoon, overdue, receivedThisWeek, closedInWindow, closedInTime] = await Promise.all([
    db.request.groupBy({ by: ["status"], where: open, _count: { _all: true } }),
    db.request.count({
      where: { ...open, dueAt: { gt: now, lte: dueWithinBound(now, policy.timeZone, policy.dueSoonDays) } },
    }),
    db.request.count({ where: { ...open, dueAt: { lte: now } } }),
    db.request.count({ where: { receivedAt: { gte: startOfWeek(now, policy.timeZone) } } }),
    db.request.count({ where: closed }),
    db.request.count({ where: { ...closed, closedAt: { gte: since, lte: db.request.fields.dueAt } } }),
  ]);
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
