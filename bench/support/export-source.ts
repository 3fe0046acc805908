// The export benchmark's reader: one subject's usage events (DemoUsageEvent) as an ExportSource, read in
// keyset batches (userId = ?, id > last ORDER BY id LIMIT n), the way a connector's exportSources reads
// a large table. It stands in for lib/fulfilment/demo-platform's exportSources until that is merged:
// usageEventSource is the one function to swap.
//
// What reading a million rows costs, and so how it is done here:
// - Plain drivers (better-sqlite3, pg), not Prisma: Prisma's findMany took 4.3 s (SQLite) and 6.5 s
//   (PostgreSQL) and 368 MB RSS for these 1,000,000 rows alone, against about 1 s and 2 s here.
// - The instant as ISO 8601 text made by the database (the text JSON.stringify gives a Date): pg's own
//   timestamp parsing into Date objects cost a further 1.7 s per million rows.
// - Rows fetched as arrays and turned into object literals of one shape: a third cheaper than the
//   drivers' own row objects, and JSON.stringify and the writer's key check are faster on them too.
// - One row at a time from the generator with a loop: `yield*` of an array cost twice as much per row.
// - PostgreSQL: the next batch is asked for before this one is handed on, so the server's work overlaps ours.
import Database from "better-sqlite3";
import pg from "pg";
import type { ExportSource } from "../../lib/fulfilment/export";
import type { Flavor } from "./options";

export const USAGE_COLUMNS = ["id", "action", "ipAddress", "occurredAt"] as const;

/** Rows read per query. */
export const READ_BATCH = 1000;

type Raw = [id: number, action: string, ipAddress: string | null, occurredAt: string];

const usageEvent = (raw: Raw) => ({ id: raw[0], action: raw[1], ipAddress: raw[2], occurredAt: raw[3] });

/** A subject's usage events at `url` (a `file:` SQLite URL or a PostgreSQL URL), read lazily in batches. */
export function usageEventSource(flavor: Flavor, url: string, userId: string, total?: number): ExportSource {
  return {
    system: "demo-platform",
    recordType: "usage-events",
    columns: USAGE_COLUMNS,
    total,
    rows: flavor === "sqlite" ? sqliteRows(url.slice("file:".length), userId) : postgresRows(url, userId),
  };
}

async function* sqliteRows(file: string, userId: string): AsyncIterable<Record<string, unknown>> {
  const db = new Database(file, { readonly: true });
  try {
    // Prisma stores an instant as "2026-12-01T06:00:00.000+00:00"; anything else goes through strftime.
    const select = db
      .prepare(
        `SELECT "id", "action", "ipAddress",
           CASE WHEN length("occurredAt") = 29 AND substr("occurredAt", 24) = '+00:00'
             THEN substr("occurredAt", 1, 23) || 'Z' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', "occurredAt") END
         FROM "DemoUsageEvent" WHERE "userId" = ? AND "id" > ? ORDER BY "id" LIMIT ${READ_BATCH}`,
      )
      .raw(true);
    let last = 0;
    for (;;) {
      const rows = select.all(userId, last) as Raw[];
      if (rows.length === 0) return;
      for (const row of rows) yield usageEvent(row);
      last = rows[rows.length - 1]![0];
    }
  } finally {
    db.close();
  }
}

async function* postgresRows(url: string, userId: string): AsyncIterable<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const batchAfter = async (last: number) =>
    (
      await client.query<Raw>({
        name: "bench-usage-events",
        text: `SELECT "id", "action", "ipAddress", to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
               FROM "DemoUsageEvent" WHERE "userId" = $1 AND "id" > $2 ORDER BY "id" LIMIT ${READ_BATCH}`,
        values: [userId, last],
        rowMode: "array",
      })
    ).rows;
  let next: Promise<Raw[]> | undefined;
  try {
    let rows = await batchAfter(0);
    while (rows.length > 0) {
      next = rows.length < READ_BATCH ? Promise.resolve([]) : batchAfter(rows[rows.length - 1]![0]);
      for (const row of rows) yield usageEvent(row);
      rows = await next;
      next = undefined;
    }
  } finally {
    // A consumer that stops early leaves a query in flight: let it finish before the connection closes.
    await next?.catch(() => undefined);
    await client.end();
  }
}
