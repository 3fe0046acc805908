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
import { effectiveStatuses, UNCONFIRMED_STATUSES, type QueueView } from "./queue-view";

type Where = Prisma.RequestWhereInput;
type Order = Prisma.RequestOrderByWithRelationInput[];

export interface QueueFilterContext {
  viewerId: string;
  timeZone: string;
  now: Date;
}

/** The view's filters without the keyset. */
export function queueFilter(view: QueueView, context: QueueFilterContext): Where {
  const and: Where[] = [{ status: { in: effectiveStatuses(view) } }];
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
  // Hidden unless asked for: duplicates always, the unconfirmed ones unless their status is chosen.
  if (!view.showHidden) {
    and.push({ duplicateOfId: null });
    if (!view.statuses.length) and.push({ status: { notIn: [...UNCONFIRMED_STATUSES] } });
  }
  return { AND: and };
}

function sortKey(view: QueueView): "dueAt" | "receivedAt" {
  return view.sort === "received" ? "receivedAt" : "dueAt";
}

/** Prisma's order for reading forwards (`reverse` false) or backwards from a cursor. */
export function queueOrder(view: QueueView, reverse: boolean): Order {
  const forward = view.direction;
  const dir = reverse ? (forward === "asc" ? "desc" : "asc") : forward;
  return [{ [sortKey(view)]: { sort: dir, nulls: reverse ? "first" : "last" } }, { id: dir }];
}

/** The rows after (`reverse` false) or before `cursor` in the view's order. */
export function keysetFilter(view: QueueView, cursor: QueueCursor, reverse: boolean): Where {
  const key = sortKey(view);
  const ascending = (view.direction === "asc") !== reverse;
  const beyond = ascending ? "gt" : "lt";
  const k = cursor.key === null ? null : new Date(cursor.key);
  if (!reverse) {
    if (k === null) return { [key]: null, id: { [beyond]: cursor.id } };
    return { OR: [{ [key]: { [beyond]: k } }, { [key]: k, id: { [beyond]: cursor.id } }, { [key]: null }] };
  }
  if (k === null) return { OR: [{ [key]: { not: null } }, { [key]: null, id: { [beyond]: cursor.id } }] };
  return { OR: [{ [key]: { [beyond]: k } }, { [key]: k, id: { [beyond]: cursor.id } }] };
}

/** The cursor of `row` in the view's order. */
export function cursorOf(
  view: QueueView,
  row: { id: string; dueAt: Date | null; receivedAt: Date | null },
): QueueCursor {
  const value = row[sortKey(view)];
  return { key: value ? value.toISOString() : null, id: row.id };
}
