// The queue's data access: one page of requests for a view, by keyset (never OFFSET, so page 500
// costs what page 1 does), with the subject masked. Every function checks the viewer's capability.
import "server-only";
import type { Db } from "../../db/client";
import { maskedAddress } from "../../format/masked-address";
import type { RequestType } from "../../requests/request-types";
import type { RequestStatus } from "../../requests/workflow/states";
import { may } from "../access/capabilities";
import type { StaffViewer } from "../access/staff-gate";
import type { QueueCursor } from "./cursor";
import { compareInSegment, cursorOf, queueFilter, queueSegments, type QueueSegment } from "./queue-where";
import { effectiveStatuses, QUEUE_PAGE_SIZE, type QueueView } from "./queue-view";

export interface QueueRow {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  /** `a***@example.org`: the address itself only through a reveal (lib/backoffice/reveal). */
  maskedSubject: string;
  assigneeId: string | null;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  /** The due day, YYYY-MM-DD (the engine's). */
  dueDate: string | null;
  /** The last change to the row (status, assignment, reveal): cheap, no audit read. */
  updatedAt: Date;
  duplicate: boolean;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Cursors for the next and previous pages; null at either end. */
  next: QueueCursor | null;
  previous: QueueCursor | null;
}

/** Thrown when a viewer without "queue.view" reaches the data layer (pages ask requireStaff first). */
export class QueueNotAllowed extends Error {}

/**
 * One page (`pageSize` rows, QUEUE_PAGE_SIZE unless a test asks for fewer) of `view` for `viewer`, read one row further to know whether a
 * next page exists. `timeZone` is the deadline policy's (due windows and received days).
 */
export async function queuePageFor(
  db: Db,
  viewer: Pick<StaffViewer, "actor">,
  view: QueueView,
  timeZone: string,
  now: Date,
  pageSize: number = QUEUE_PAGE_SIZE,
): Promise<QueuePage> {
  if (!may(viewer.actor.role, "queue.view")) throw new QueueNotAllowed();
  const filter = queueFilter(view, { viewerId: viewer.actor.userId, timeZone, now });
  const cursor = view.page ? ("after" in view.page ? view.page.after : view.page.before) : null;
  const reverse = view.page !== null && "before" in view.page;
  const statuses = effectiveStatuses(view);
  const compare = compareInSegment(view, reverse);
  const found: Awaited<ReturnType<typeof readSegment>> = [];
  for (const segment of queueSegments(view, cursor, reverse)) {
    const wanted = pageSize + 1 - found.length;
    if (wanted <= 0) break;
    // One read per status, each in index order ((status, dueAt, id) or (status, receivedAt, id)),
    // merged here: an IN list over statuses would make either engine sort every matching row. A
    // search finds a handful of rows by its own index (reference, subjectEmail): one read, sorted.
    const groups = view.search ? [statuses] : statuses.map((status) => [status]);
    const perStatus = await Promise.all(
      groups.map((group) =>
        readSegment(db, { AND: [{ status: { in: group } }, filter, segment.where] }, segment.orderBy, wanted),
      ),
    );
    found.push(...perStatus.flat().sort(compare).slice(0, wanted));
  }
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (reverse) page.reverse();
  const rows = page.map(({ subjectEmail, duplicateOfId, ...row }) => ({
    ...row,
    maskedSubject: maskedAddress(subjectEmail),
    duplicate: duplicateOfId !== null,
  }));
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Forwards: a previous page exists when we came from a cursor; backwards, the other way round.
  const hasNext = reverse ? cursor !== null : more;
  const hasPrevious = reverse ? more : cursor !== null;
  return {
    rows,
    next: hasNext && last ? cursorOf(view, last) : null,
    previous: hasPrevious && first ? cursorOf(view, first) : null,
  };
}

function readSegment(db: Db, where: QueueSegment["where"], orderBy: QueueSegment["orderBy"], take: number) {
  return db.request.findMany({
    where,
    orderBy,
    take,
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      subjectEmail: true,
      assigneeId: true,
      submittedAt: true,
      receivedAt: true,
      dueAt: true,
      dueDate: true,
      updatedAt: true,
      duplicateOfId: true,
    },
  });
}

/** How many rows match `view` (keyset ignored), counted up to `limit`: `limit` means "at least". */
export async function countMatching(
  db: Db,
  viewer: Pick<StaffViewer, "actor">,
  view: QueueView,
  timeZone: string,
  now: Date,
  limit: number,
): Promise<number> {
  return (await matchingIds(db, viewer, view, timeZone, now, limit)).length;
}

/**
 * The ids of the rows matching `view` (keyset ignored), at most `limit`: what "all N matching" acts
 * on. Bounded, and read per status in index order ((status, dueAt, id)): Prisma's count with a limit
 * sorts the matching rows by id first, which at a million rows costs what an unbounded count does.
 */
export async function matchingIds(
  db: Db,
  viewer: Pick<StaffViewer, "actor">,
  view: QueueView,
  timeZone: string,
  now: Date,
  limit: number,
): Promise<string[]> {
  if (!may(viewer.actor.role, "queue.view")) throw new QueueNotAllowed();
  const filter = queueFilter(view, { viewerId: viewer.actor.userId, timeZone, now });
  const ids: string[] = [];
  // As for a page: a search is one read by its own index, anything else one read per status.
  const statuses = effectiveStatuses(view);
  for (const group of view.search ? [statuses] : statuses.map((status) => [status])) {
    if (ids.length >= limit) break;
    const rows = await db.request.findMany({
      where: { AND: [{ status: { in: group } }, filter] },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: limit - ids.length,
      select: { id: true },
    });
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/** The staff members a queue can show or assign to (few rows: the team). */
export async function staffMembers(db: Db, viewer: Pick<StaffViewer, "actor">) {
  if (!may(viewer.actor.role, "queue.view")) throw new QueueNotAllowed();
  return db.user.findMany({
    where: { role: { not: null } },
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true },
    orderBy: { email: "asc" },
  });
}
