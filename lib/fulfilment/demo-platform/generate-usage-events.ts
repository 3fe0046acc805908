// Fills the demo platform for the export benchmark (bench/export.ts): N usage events for one user, written
// as multi-row INSERTs through lib/db/direct (prepared statements on the engine's own driver), a chunk of
// rows per statement and many statements per transaction. Prisma's createMany would build and map every row
// through its query engine; a million rows would take minutes instead of seconds.
import { flavorOf, type Db } from "../../db/client";
import { directTransaction, type SqlValue } from "../../db/direct/direct-transaction";

/** Rows per INSERT: 4 values each stays far below both engines' limit on bound values (SQLite 32,766). */
const ROWS_PER_STATEMENT = 1000;
/** Statements per transaction: short enough that other writers get their turn between transactions. */
const STATEMENTS_PER_TRANSACTION = 25;

const ACTIONS = [
  "signed_in",
  "opened_alert",
  "acknowledged_alert",
  "resolved_alert",
  "viewed_schedule",
  "changed_notification_rule",
  "opened_incident",
  "signed_out",
] as const;

/** A documentation address (RFC 5737, RFC 3849) per event: realistic shape, nobody's real address. */
function ipAddress(n: number): string {
  if (n % 5 === 4) return `2001:db8::${(n % 65535).toString(16)}`;
  return `${n % 2 === 0 ? "192.0.2" : "198.51.100"}.${(n % 254) + 1}`;
}

export interface GenerateOptions {
  /** The user's e-mail address (stored lower-case); the user, and a benchmark account, are created if missing. */
  email: string;
  /** How many usage events to add (whole number ≥ 0). */
  count: number;
  /** The newest event's time; the others one minute apart before it, oldest first. Default: now. */
  now?: Date;
}

export interface GenerateResult {
  userId: string;
  /** Whether the user was created now. */
  createdUser: boolean;
  inserted: number;
}

/** Adds `count` usage events for `email`. Throws RangeError for a count that is not a whole number ≥ 0. */
export async function generateUsageEvents(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0, not ${options.count}`);
  }
  const email = options.email.trim().toLowerCase();
  const now = options.now ?? new Date();
  const existing = await db.demoUser.findUnique({ where: { email }, select: { id: true } });
  let userId = existing?.id;
  if (!userId) {
    const account = await db.demoAccount.upsert({
      where: { customerId: "BENCH-0001" },
      update: {},
      create: { customerId: "BENCH-0001", name: "Benchmark Logistik GmbH" },
    });
    const local = email.split("@")[0] ?? email;
    userId = (
      await db.demoUser.create({ data: { accountId: account.id, email, name: local, timeZone: "Europe/Berlin" } })
    ).id;
  }
  const uid = userId;
  const perTransaction = ROWS_PER_STATEMENT * STATEMENTS_PER_TRANSACTION;
  let inserted = 0;
  while (inserted < options.count) {
    const inThisTransaction = Math.min(perTransaction, options.count - inserted);
    await directTransaction(db, async (tx) => {
      for (let done = 0; done < inThisTransaction; done += ROWS_PER_STATEMENT) {
        const rows = Math.min(ROWS_PER_STATEMENT, inThisTransaction - done);
        const args: SqlValue[] = [];
        for (let i = 0; i < rows; i += 1) {
          const n = inserted + done + i;
          args.push(
            uid,
            ACTIONS[n % ACTIONS.length]!,
            ipAddress(n),
            new Date(now.getTime() - (options.count - 1 - n) * 60_000),
          );
        }
        await tx.run(insertSql(rows), args);
      }
    });
    inserted += inThisTransaction;
  }
  // PostgreSQL plans by its statistics, which autovacuum refreshes only later: right after a bulk insert it
  // believes the user has a few rows and sorts all of them for every export batch (seconds each at a million).
  if (options.count > 0 && flavorOf(db) === "postgres") await db.$executeRawUnsafe('ANALYZE "DemoUsageEvent"');
  return { userId: uid, createdUser: !existing, inserted };
}

const statements = new Map<number, string>();

function insertSql(rows: number): string {
  let sql = statements.get(rows);
  if (!sql) {
    sql = `INSERT INTO "DemoUsageEvent" ("userId", "action", "ipAddress", "occurredAt") VALUES ${Array.from({ length: rows }, () => "(?, ?, ?, ?)").join(", ")}`;
    statements.set(rows, sql);
  }
  return sql;
}
