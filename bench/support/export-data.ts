// The export benchmark's subject: one demo-platform account and user with `count` usage events, written
// straight into a migrated database in multi-row INSERTs inside transactions (better-sqlite3 prepared
// statements; pg with one statement per chunk), not one Prisma create per row. Deterministic: the same
// count gives the same rows on both engines, so their packages hold the same bytes.
import Database from "better-sqlite3";
import pg from "pg";

export const BENCH_USER_ID = "benchexportuser";
const ACCOUNT_ID = "benchexportaccount";
const ACTIONS = ["sign_in", "view_alert", "acknowledge_alert", "open_dashboard", "update_settings", "sign_out"];
const START = Date.UTC(2024, 0, 1);
const CHUNK = 500;

/** Usage event `i` (0-based): action, IPv4 or IPv6 address (one in ten missing), and an instant (ms). */
function usageEvent(i: number): [string, string | null, number] {
  const action = ACTIONS[(i * 7) % ACTIONS.length]!;
  const ip =
    i % 10 === 9
      ? null
      : i % 4 === 0
        ? `2001:db8:${(i % 65_536).toString(16)}::${(i % 251).toString(16)}`
        : `198.51.${(i >> 8) % 256}.${i % 256}`;
  // About one event a minute, with seconds and milliseconds that vary.
  return [action, ip, START + i * 61_237];
}

/** SQLite keeps DateTime as ISO text with "+00:00" (lib/db/direct/sql-values.ts). */
const sqliteInstant = (ms: number) => `${new Date(ms).toISOString().slice(0, -1)}+00:00`;

/** Fills the migrated SQLite database at `file`; returns the user's id. */
export function generateUsageSqlite(file: string, count: number, log: (line: string) => void): string {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const now = sqliteInstant(Date.now());
  db.prepare(`INSERT INTO "DemoAccount" ("id", "customerId", "name", "createdAt") VALUES (?, ?, ?, ?)`).run(
    ACCOUNT_ID,
    "C-BENCH-1",
    "Bench GmbH",
    now,
  );
  db.prepare(
    `INSERT INTO "DemoUser" ("id", "accountId", "email", "name", "timeZone", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(BENCH_USER_ID, ACCOUNT_ID, "bench.export@example.org", "Bench Export", "Europe/Berlin", now, now);
  const insertSql = (n: number) =>
    `INSERT INTO "DemoUsageEvent" ("userId", "action", "ipAddress", "occurredAt") VALUES ${Array(n).fill("(?, ?, ?, ?)").join(", ")}`;
  const full = db.prepare(insertSql(CHUNK));
  const insert = db.transaction((from: number, to: number) => {
    for (let start = from; start < to; start += CHUNK) {
      const n = Math.min(CHUNK, to - start);
      const values: (string | null)[] = [];
      for (let i = start; i < start + n; i++) {
        const [action, ip, at] = usageEvent(i);
        values.push(BENCH_USER_ID, action, ip, sqliteInstant(at));
      }
      (n === CHUNK ? full : db.prepare(insertSql(n))).run(values);
    }
  });
  const started = Date.now();
  for (let from = 0; from < count; from += 100_000) {
    insert(from, Math.min(count, from + 100_000));
    log(`  sqlite: ${Math.min(count, from + 100_000)} usage events in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
  return BENCH_USER_ID;
}

/** Fills the migrated PostgreSQL database at `url`; returns the user's id. */
export async function generateUsagePostgres(url: string, count: number, log: (line: string) => void): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "DemoAccount" ("id", "customerId", "name") VALUES ($1, $2, $3)`, [
      ACCOUNT_ID,
      "C-BENCH-1",
      "Bench GmbH",
    ]);
    await client.query(
      `INSERT INTO "DemoUser" ("id", "accountId", "email", "name", "timeZone", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [BENCH_USER_ID, ACCOUNT_ID, "bench.export@example.org", "Bench Export", "Europe/Berlin"],
    );
    // TIMESTAMP(3) holds UTC without a zone: the instant goes as its UTC text (a Date would be sent in local time).
    const insertSql = (n: number) =>
      `INSERT INTO "DemoUsageEvent" ("userId", "action", "ipAddress", "occurredAt") VALUES ${Array.from(
        { length: n },
        (_, r) => `($${r * 4 + 1}, $${r * 4 + 2}, $${r * 4 + 3}, $${r * 4 + 4})`,
      ).join(", ")}`;
    const fullSql = insertSql(CHUNK);
    const started = Date.now();
    for (let from = 0; from < count; from += 100_000) {
      const to = Math.min(count, from + 100_000);
      await client.query("BEGIN");
      for (let start = from; start < to; start += CHUNK) {
        const n = Math.min(CHUNK, to - start);
        const values: (string | null)[] = [];
        for (let i = start; i < start + n; i++) {
          const [action, ip, at] = usageEvent(i);
          values.push(BENCH_USER_ID, action, ip, new Date(at).toISOString().slice(0, -1));
        }
        await client.query({
          text: n === CHUNK ? fullSql : insertSql(n),
          values,
          name: n === CHUNK ? "ins" : undefined,
        });
      }
      await client.query("COMMIT");
      log(`  postgres: ${to} usage events in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await client.query(`VACUUM ANALYZE "DemoUsageEvent"`);
  } finally {
    await client.end();
  }
  return BENCH_USER_ID;
}
