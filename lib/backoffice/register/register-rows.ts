// The rows of the request register for a queue view: every request the view matches (any page),
// read in batches by id so a million rows never sit in memory. Server-only: it reads the database
// for a viewer who holds "register.export".
import "server-only";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/sqlite/client";
import { maskedAddress } from "../../format";
import { may } from "../access/capabilities";
import type { StaffViewer } from "../access/staff-gate";
import { queueFilter } from "../queue/queue-where";
import { effectiveStatuses, type QueueView } from "../queue/queue-view";

const BATCH = 1_000;

/** The register's columns, in order (the header row's keys; the page translates none: a register is data). */
export const REGISTER_COLUMNS = [
  "reference",
  "type",
  "status",
  "submitted_at",
  "received_at",
  "due_date",
  "extended_at",
  "closed_at",
  "assignee",
  "subject_name",
  "subject_email_masked",
  "language",
  "statement_version",
  "duplicate_of",
] as const;

/**
 * The register rows of `view` as text cells in REGISTER_COLUMNS' order (instants as ISO 8601 UTC,
 * the subject's address masked: the register proves the handling, Art. 5(2), it need not identify).
 * Throws when the viewer's role does not hold "register.export".
 */
export async function* registerRows(
  db: Db,
  viewer: Pick<StaffViewer, "actor">,
  view: QueueView,
  context: { timeZone: string; now: Date },
): AsyncGenerator<string[]> {
  if (!may(viewer.actor.role, "register.export")) throw new Error("register.export not held");
  const where: Prisma.RequestWhereInput = {
    AND: [
      { status: { in: effectiveStatuses(view) } },
      queueFilter(view, { viewerId: viewer.actor.userId, timeZone: context.timeZone, now: context.now }),
    ],
  };
  let after: string | null = null;
  for (;;) {
    const page: Prisma.RequestWhereInput = after ? { AND: [where, { id: { gt: after } }] } : where;
    const rows = await db.request.findMany({
      where: page,
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        reference: true,
        type: true,
        status: true,
        submittedAt: true,
        receivedAt: true,
        dueDate: true,
        extendedAt: true,
        closedAt: true,
        subjectName: true,
        subjectEmail: true,
        language: true,
        statementVersion: true,
        assignee: { select: { email: true } },
        duplicateOf: { select: { reference: true } },
      },
    });
    for (const r of rows) {
      yield [
        r.reference,
        r.type,
        r.status,
        r.submittedAt.toISOString(),
        r.receivedAt?.toISOString() ?? "",
        r.dueDate ?? "",
        r.extendedAt?.toISOString() ?? "",
        r.closedAt?.toISOString() ?? "",
        r.assignee?.email ?? "",
        r.subjectName ?? "",
        // A minimised request keeps only a digest of the address: nothing to show.
        r.subjectEmail.includes("@") ? maskedAddress(r.subjectEmail) : "",
        r.language,
        r.statementVersion,
        r.duplicateOf?.reference ?? "",
      ];
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.id;
  }
}
