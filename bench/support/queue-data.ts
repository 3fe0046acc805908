// A million requests for the queue benchmark, written straight into the database in multi-row
// batches (better-sqlite3 prepared statements; PostgreSQL INSERT ... SELECT FROM unnest(arrays)),
// not one Prisma create per row. Deterministic (a seeded generator), spread like a busy controller's
// three years: types, statuses by age, a few staff, due dates one month after receipt as the
// deadline engine counts them (approximately: the due day ends at 23:00 UTC, Berlin's midnight in
// winter), extensions, late answers, duplicates, unconfirmed and expired ones.
import Database from "better-sqlite3";
import pg from "pg";
import { sessionTokenHash } from "../../lib/auth/sessions/session-token";

const DAY = 86_400_000;
const COLUMNS = [
  "id",
  "reference",
  "type",
  "details",
  "subjectEmail",
  "language",
  "status",
  "submittedAt",
  "receivedAt",
  "statementVersion",
  "assigneeId",
  "firstDueAt",
  "dueAt",
  "dueDate",
  "extendedAt",
  "closedAt",
  "duplicateOfId",
  "createdAt",
  "updatedAt",
] as const;
type Row = (string | null)[];

export interface QueueData {
  staff: { dpo: string; team: string[]; auditor: string };
  /** A session cookie token for the DPO (second factor proven at creation). */
  token: string;
  /** An address that has requests (the search measured). */
  sampleEmail: string;
  rows: number;
}

function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: [T, number][]): T {
  let r = random();
  for (const [value, weight] of weighted) {
    if ((r -= weight) < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const TYPES: [string, number][] = [
  ["access", 0.4],
  ["erasure", 0.3],
  ["objection", 0.1],
  ["rectification", 0.08],
  ["consent_withdrawal", 0.07],
  ["restriction", 0.03],
  ["portability", 0.02],
];
const CLOSED: [string, number][] = [
  ["completed", 0.75],
  ["partially_completed", 0.08],
  ["refused", 0.07],
  ["withdrawn", 0.1],
];
const OPEN: [string, number][] = [
  ["received", 0.3],
  ["in_progress", 0.5],
  ["awaiting_subject", 0.2],
];

/** The due instant and day one month after `receivedAt`, the day ending at 23:00 UTC. */
function dueOf(receivedAt: number, months = 1): { dueAt: number; dueDate: string } {
  const d = new Date(receivedAt);
  const due = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
  return { dueAt: due.getTime() + 23 * 3_600_000, dueDate: due.toISOString().slice(0, 10) };
}

/** Row `i` of `count`, submitted over the three years before `now`. */
function* rows(count: number, now: number, staff: QueueData["staff"]): Generator<Row> {
  const random = generator(20261201);
  const start = now - 3 * 365 * DAY;
  const perYear = new Map<number, number>();
  const assignees = [staff.dpo, ...staff.team];
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  for (let i = 0; i < count; i++) {
    const submittedAt = Math.floor(start + ((i + random()) * (now - start)) / count);
    const age = now - submittedAt;
    const year = new Date(submittedAt).getUTCFullYear();
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    let status: string;
    let receivedAt: number | null = null;
    let due: { dueAt: number; dueDate: string } | null = null;
    let firstDueAt: number | null = null;
    let extendedAt: number | null = null;
    let closedAt: number | null = null;
    let assigneeId: string | null = null;
    if (age < 7 * DAY && random() < 0.15) status = "awaiting_verification";
    else if (random() < 0.03) {
      status = "expired_unverified";
      closedAt = submittedAt + 7 * DAY;
    } else {
      receivedAt = submittedAt + Math.floor(random() * 2 * DAY);
      due = dueOf(receivedAt);
      firstDueAt = due.dueAt;
      if (random() < 0.05) {
        extendedAt = receivedAt + Math.floor(random() * 20 * DAY);
        due = dueOf(receivedAt, 3);
      }
      const openChance = age < 30 * DAY ? 0.8 : age < 60 * DAY ? 0.1 : 0.0005;
      if (random() < openChance) status = pick(random, OPEN);
      else {
        status = pick(random, CLOSED);
        const late = random() < 0.08;
        closedAt = late
          ? due.dueAt + Math.floor(random() * 20 * DAY)
          : receivedAt + Math.floor(random() * (due.dueAt - receivedAt));
        if (closedAt > now) closedAt = now - Math.floor(random() * DAY);
      }
      assigneeId =
        status === "received" && random() < 0.5 ? null : random() < 0.9 ? assignees[i % assignees.length]! : null;
    }
    const email = `person${i % 400_000}@example${i % 50}.org`;
    const updatedAt = closedAt ?? receivedAt ?? submittedAt;
    yield [
      `bench${i.toString(36).padStart(5, "0")}`,
      `DSR-${year}-${String(seq).padStart(6, "0")}`,
      pick(random, TYPES),
      "{}",
      email,
      i % 3 === 0 ? "en" : "de",
      status,
      iso(submittedAt),
      iso(receivedAt),
      "2023-07",
      assigneeId,
      iso(firstDueAt),
      iso(due?.dueAt ?? null),
      due?.dueDate ?? null,
      iso(extendedAt),
      iso(closedAt),
      i > 0 && receivedAt !== null && random() < 0.005 ? `bench${(i - 1).toString(36).padStart(5, "0")}` : null,
      iso(submittedAt),
      iso(updatedAt),
    ];
  }
}

/** SQLite keeps DateTime as ISO text with "+00:00" (lib/db/direct/sql-values.ts). */
const sqliteInstant = (value: string | null) => (value && /T.*Z$/.test(value) ? `${value.slice(0, -1)}+00:00` : value);
const DATE_COLUMNS = new Set([
  "submittedAt",
  "receivedAt",
  "firstDueAt",
  "dueAt",
  "extendedAt",
  "closedAt",
  "createdAt",
  "updatedAt",
]);

function staffRows(now: number) {
  const token = `bench-queue-${now.toString(36)}-session-token`;
  const staff = { dpo: "benchdpo", team: ["benchteam1", "benchteam2", "benchteam3"], auditor: "benchauditor" };
  const users: [string, string, string][] = [
    [staff.dpo, "dpo@bench.example", "dpo"],
    ...staff.team.map((id, n): [string, string, string] => [id, `team${n + 1}@bench.example`, "privacy_team"]),
    [staff.auditor, "auditor@bench.example", "auditor"],
  ];
  return { token, staff, users };
}

/** Fills a migrated SQLite database at `file` with `count` requests and the staff. */
export function generateSqlite(file: string, count: number, now: Date, log: (line: string) => void): QueueData {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const { token, staff, users } = staffRows(now.getTime());
  const nowText = sqliteInstant(now.toISOString());
  for (const [id, email, role] of users)
    db.prepare(
      `INSERT INTO "User" ("id", "email", "role", "locale", "createdAt", "updatedAt") VALUES (?, ?, ?, 'en', ?, ?)`,
    ).run(id, email, role, nowText, nowText);
  db.prepare(
    `INSERT INTO "Session" ("id", "tokenHash", "userId", "createdAt", "expires", "lastSeenAt", "secondFactorAt") VALUES ('benchsession', ?, ?, ?, ?, ?, ?)`,
  ).run(
    sessionTokenHash(token),
    staff.dpo,
    nowText,
    sqliteInstant(new Date(now.getTime() + 7 * 3_600_000).toISOString()),
    nowText,
    nowText,
  );
  const batch = 400;
  const placeholders = `(${COLUMNS.map(() => "?").join(", ")})`;
  const insertSql = (n: number) =>
    `INSERT INTO "Request" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(n).fill(placeholders).join(", ")}`;
  const full = db.prepare(insertSql(batch));
  let pending: (string | null)[] = [];
  let written = 0;
  const flush = db.transaction((values: (string | null)[], n: number) => {
    (n === batch ? full : db.prepare(insertSql(n))).run(values);
  });
  const started = Date.now();
  for (const row of rows(count, now.getTime(), staff)) {
    pending.push(...row.map((v, c) => (DATE_COLUMNS.has(COLUMNS[c]!) ? sqliteInstant(v) : v)));
    if (pending.length === batch * COLUMNS.length) {
      flush(pending, batch);
      written += batch;
      pending = [];
      if (written % 100_000 === 0) log(`  sqlite: ${written} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  if (pending.length) flush(pending, pending.length / COLUMNS.length);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { staff, token, sampleEmail: "person1234@example34.org", rows: count };
}

const PG_TYPES: Record<string, string> = {
  type: '"RequestType"',
  language: '"Language"',
  status: '"RequestStatus"',
  details: "jsonb",
};

/** Fills a migrated PostgreSQL database at `url` with `count` requests and the staff; then VACUUM (ANALYZE). */
export async function generatePostgres(
  url: string,
  count: number,
  now: Date,
  log: (line: string) => void,
): Promise<QueueData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { token, staff, users } = staffRows(now.getTime());
    for (const [id, email, role] of users)
      await client.query(
        `INSERT INTO "User" ("id", "email", "role", "locale", "createdAt", "updatedAt") VALUES ($1, $2, $3, 'en', $4, $4)`,
        [id, email, role, now.toISOString()],
      );
    await client.query(
      `INSERT INTO "Session" ("id", "tokenHash", "userId", "createdAt", "expires", "lastSeenAt", "secondFactorAt") VALUES ('benchsession', $1, $2, $3, $4, $3, $3)`,
      [sessionTokenHash(token), staff.dpo, now.toISOString(), new Date(now.getTime() + 7 * 3_600_000).toISOString()],
    );
    const casts = COLUMNS.map((c, n) => `$${n + 1}::${DATE_COLUMNS.has(c) ? "timestamp(3)" : "text"}[]`);
    const selects = COLUMNS.map((c, n) => (PG_TYPES[c] ? `c${n}::${PG_TYPES[c]}` : `c${n}`));
    const sql = `INSERT INTO "Request" (${COLUMNS.map((c) => `"${c}"`).join(", ")})
      SELECT ${selects.join(", ")} FROM unnest(${casts.join(", ")}) AS t(${COLUMNS.map((_, n) => `c${n}`).join(", ")})`;
    const batch = 5_000;
    let columns: (string | null)[][] = COLUMNS.map(() => []);
    let written = 0;
    const started = Date.now();
    for (const row of rows(count, now.getTime(), staff)) {
      row.forEach((value, c) => columns[c]!.push(value));
      if (columns[0]!.length === batch) {
        await client.query(sql, columns);
        written += batch;
        columns = COLUMNS.map(() => []);
        if (written % 100_000 === 0)
          log(`  postgres: ${written} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    }
    if (columns[0]!.length) await client.query(sql, columns);
    // As a database in use would be after autovacuum: statistics, and the visibility map that lets
    // PostgreSQL answer the counts from the index alone.
    await client.query(`VACUUM (ANALYZE) "Request"`);
    return { staff, token, sampleEmail: "person1234@example34.org", rows: count };
  } finally {
    await client.end();
  }
}
