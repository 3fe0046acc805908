// The queue's view as a Prisma filter and order, keyset included. Pure (Prisma's types only).
//
// Order: by the sort key (dueAt or receivedAt) in the view's direction, then by id in the same
// direction, so ties are stable. Rows without the key (unconfirmed requests have neither a due date
// nor a receipt) come after every row with one, in both directions, ordered by id. A page after
// cursor (k, i) holds the rows that come after it in this order; a page before it is read in the
// reverse order and turned round by the caller.
import type { Prisma } from "../../db/generated/sqlite/client";
import { afterDay, dueWithinBound, startOfDay } from "./queue-instants";
import type { QueueCursor } from "./cursor";
import type { QueueView } from "./queue-view";

type Where = Prisma.RequestWhereInput;
type Order = Prisma.RequestOrderByWithRelationInput[];

export interface QueueFilterContext {
  viewerId: string;
  timeZone: string;
  now: Date;
}

/** The view's filters without status and keyset (queue-page.ts reads each status on its own). */
export function queueFilter(view: QueueView, context: QueueFilterContext): Where {
  const and: Where[] = [];
  if (view.types.length) and.push({ type: { in: view.types } });
  if (view.assignee?.kind === "me") and.push({ assigneeId: context.viewerId });
  if (view.assignee?.kind === "nobody") and.push({ assigneeId: null });
  if (view.assignee?.kind === "user") and.push({ assigneeId: view.assignee.userId });
  if (view.due?.kind === "overdue") and.push({ dueAt: { lte: context.now } });
  if (view.due?.kind === "within")
    and.push({ dueAt: { gt: context.now, lte: dueWithinBound(context.now, context.timeZone, view.due.days) } });
  if (view.receivedFrom) and.push({ receivedAt: { gte: startOfDay(view.receivedFrom, context.timeZone) } });
  if (view.receivedTo) and.push({ receivedAt: { lt: afterDay(view.receivedTo, context.timeZone) } });
  if (view.search?.kind === "reference") and.push({ reference: view.search.reference });
  if (view.search?.kind === "email") and.push({ subjectEmail: view.search.email });
  // Duplicates are hidden unless asked for; the unconfirmed ones are left out by effectiveStatuses.
  if (!view.showHidden) and.push({ duplicateOfId: null });
  return { AND: and };
}

function sortKey(view: QueueView): "dueAt" | "receivedAt" {
  return view.sort === "received" ? "receivedAt" : "dueAt";
}

/** One index-ordered read: rows with the key (or without it), in one order. */
export interface QueueSegment {
  where: Where;
  orderBy: Order;
}

/**
 * The reads that make up a page, in order, each served in index order (an ORDER BY with NULLS
 * LAST could not be, on SQLite): the caller reads them one after the other until the page is full.
 * Forwards: the rows with a key, then those without; backwards (`reverse`) the other way round.
 */
export function queueSegments(view: QueueView, cursor: QueueCursor | null, reverse: boolean): QueueSegment[] {
  const key = sortKey(view);
  const ascending = (view.direction === "asc") !== reverse;
  const dir = ascending ? "asc" : "desc";
  const beyond = ascending ? "gt" : "lt";
  const from = ascending ? "gte" : "lte";
  const keyed = (where: Where): QueueSegment => ({
    where: { AND: [{ [key]: { not: null } }, where] },
    orderBy: [{ [key]: dir }, { id: dir }],
  });
  const keyless = (where: Where): QueueSegment => ({
    where: { AND: [{ [key]: null }, where] },
    orderBy: [{ id: dir }],
  });
  if (!cursor) return reverse ? [keyless({}), keyed({})] : [keyed({}), keyless({})];
  const afterId = { id: { [beyond]: cursor.id } };
  if (cursor.key === null) return reverse ? [keyless(afterId), keyed({})] : [keyless(afterId)];
  const k = new Date(cursor.key);
  // key ≥ k first (a range the index seeks to), then the tie on k broken by id.
  const afterKey = keyed({ AND: [{ [key]: { [from]: k } }, { OR: [{ [key]: { [beyond]: k } }, afterId] }] });
  return reverse ? [afterKey] : [afterKey, keyless({})];
}
/**
 * Whether `a` comes before `b` in a segment's order (the key, then id; ids compared as the databases
 * do: both sort ids bytewise, SQLite always and PostgreSQL under its C collation, and ids are ASCII).
 */
export function compareInSegment(view: QueueView, reverse: boolean) {
  const key = sortKey(view);
  const sign = (view.direction === "asc") !== reverse ? 1 : -1;
  return (a: Record<"id", string> & Partial<Record<"dueAt" | "receivedAt", Date | null>>, b: typeof a): number => {
    const ka = a[key]?.getTime() ?? 0;
    const kb = b[key]?.getTime() ?? 0;
    if (ka !== kb) return sign * (ka - kb);
    return sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

/** The cursor of `row` in the view's order. */
export function cursorOf(
  view: QueueView,
  row: { id: string; dueAt: Date | null; receivedAt: Date | null },
): QueueCursor {
  const value = row[sortKey(view)];
  return { key: value ? value.toISOString() : null, id: row.id };
}
