// How long requests took, from receipt (Art. 12(3): the clock starts when the subject confirmed) to
// closing, per request type and month of closing; and how many closed on time. Pure.
import { dayOf, toInstant } from "../../deadlines/calendar";
import type { RequestType } from "../../requests/request-types";
import { percentile } from "./percentile";

export interface ClosedRequest {
  type: RequestType;
  status: string;
  receivedAt: Date;
  closedAt: Date;
  /** The end of the period in force when it closed (extended or not). */
  dueAt: Date | null;
  extendedAt: Date | null;
}

export interface ClosingTimeRow {
  type: RequestType;
  /** YYYY-MM of closing, in the controller's time zone. */
  month: string;
  count: number;
  /** Days (one decimal) from receipt to closing: the median and the 90th percentile (nearest rank). */
  medianDays: number;
  p90Days: number;
}

export interface ClosingSummary {
  rows: ClosingTimeRow[];
  closed: number;
  /** Closed at or before the end of their period; a withdrawal counts as on time (nothing was owed after it). */
  onTime: number;
  /** Share of `closed` that were on time, 0..1; null when nothing closed. */
  onTimeRate: number | null;
  extensions: number;
}

const DAY_MS = 86_400_000;
const days = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;

/** The summary of `requests` (closed ones, with a receipt), months counted in `timeZone`. */
export function closingTimes(requests: readonly ClosedRequest[], timeZone: string): ClosingSummary {
  const groups = new Map<string, { type: RequestType; month: string; durations: number[] }>();
  let onTime = 0;
  let extensions = 0;
  for (const request of requests) {
    const month = dayOf(toInstant(request.closedAt, "closedAt"), timeZone).toString().slice(0, 7);
    const key = `${request.type} ${month}`;
    const group = groups.get(key) ?? { type: request.type, month, durations: [] };
    group.durations.push(days(request.closedAt.getTime() - request.receivedAt.getTime()));
    groups.set(key, group);
    if (request.status === "withdrawn" || !request.dueAt || request.closedAt.getTime() <= request.dueAt.getTime()) {
      onTime++;
    }
    if (request.extendedAt) extensions++;
  }
  const rows = [...groups.values()]
    .map((g) => ({
      type: g.type,
      month: g.month,
      count: g.durations.length,
      medianDays: percentile(g.durations, 50)!,
      p90Days: percentile(g.durations, 90)!,
    }))
    .sort((a, b) => b.month.localeCompare(a.month) || a.type.localeCompare(b.type));
  return {
    rows,
    closed: requests.length,
    onTime,
    onTimeRate: requests.length ? onTime / requests.length : null,
    extensions,
  };
}
