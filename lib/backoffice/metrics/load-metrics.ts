// The metrics page's figures, read for a viewer who holds "metrics.view". Server-only: it reads the
// database; the arithmetic is in the pure modules beside it.
import "server-only";
import type { Db } from "../../db/client";
import { dayOf, toInstant } from "../../deadlines/calendar";
import { activeStatuses, closedStatuses } from "../../requests/workflow/states";
import { may } from "../access/capabilities";
import type { StaffViewer } from "../access/staff-gate";
import { closingTimes, type ClosingSummary } from "./closing-times";
import { dueWeeks, type DueWeek } from "./due-weeks";
import { refusalGrounds, type RefusalGround } from "./refusal-grounds";

export interface Metrics {
  /** The window's first instant (12 months back) and the day the figures were read. */
  since: Date;
  today: string;
  closing: ClosingSummary;
  refusals: { ground: RefusalGround; count: number }[];
  dueWeeks: DueWeek[];
}

export const METRICS_MONTHS = 12;

/**
 * The last 12 months' closings (by type and month: median and 90th percentile days from receipt,
 * on-time rate, extensions), refusals by ground, and the open requests by due week. null when the
 * viewer's role does not hold "metrics.view" (the page answers 404).
 */
export async function loadMetrics(
  db: Db,
  viewer: StaffViewer,
  timeZone: string,
  now = new Date(),
): Promise<Metrics | null> {
  if (!may(viewer.actor.role, "metrics.view")) return null;
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - METRICS_MONTHS);
  const today = dayOf(toInstant(now, "now"), timeZone).toString();
  const [closed, refusals, open] = await Promise.all([
    db.request.findMany({
      where: {
        closedAt: { gte: since },
        receivedAt: { not: null },
        // Neither an expired unconfirmed request nor spam is a request the team answered: counting them
        // would shorten the closing times and flatter the on-time rate.
        status: { in: closedStatuses.filter((s) => s !== "expired_unverified" && s !== "spam") },
      },
      select: { type: true, status: true, receivedAt: true, closedAt: true, dueAt: true, extendedAt: true },
    }),
    db.auditEntry.findMany({
      where: { event: { in: ["refused", "partially_completed"] }, createdAt: { gte: since } },
      select: { details: true },
    }),
    db.request.findMany({
      where: { status: { in: [...activeStatuses] }, dueDate: { not: null } },
      select: { dueDate: true },
    }),
  ]);
  const grounds = refusalGrounds(refusals.map((r) => r.details));
  return {
    since,
    today,
    closing: closingTimes(
      closed.map((r) => ({ ...r, receivedAt: r.receivedAt!, closedAt: r.closedAt! })),
      timeZone,
    ),
    refusals: [...grounds].map(([ground, count]) => ({ ground, count })).sort((a, b) => b.count - a.count),
    dueWeeks: dueWeeks(
      open.map((r) => r.dueDate!),
      today,
    ),
  };
}
