// The one Prisma client of a process. DATABASE_URL picks the engine: "file:" is
// SQLite through better-sqlite3, "postgres://" is PostgreSQL through pg. Both
// generated clients come from the same models (prisma/models.prisma), so their
// model APIs are the same; the code is typed against the SQLite one.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { appConfig, databaseFlavor } from "../config/app-config";
import { sqliteAdapter } from "./sqlite-adapter";

export type Db = SqliteClient;

/**
 * SQLite's busy timeout (better-sqlite3's `timeout`): how long a transaction waits for another
 * connection's write lock (e.g. the jobs worker's) before SQLite reports "database is locked". Every
 * transaction takes the write lock first (sqlite-adapter.ts), so this wait applies to all of them.
 */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * How long a transaction may wait to begin: for the connection (SQLite: its turn and the write lock;
 * PostgreSQL: a free connection of the pool). Prisma's default of 2 s failed filings under load.
 */
const TRANSACTION_MAX_WAIT_MS = 10_000;

export function createDb(url: string): Db {
  const transactionOptions = { maxWait: TRANSACTION_MAX_WAIT_MS };
  if (databaseFlavor(url) === "sqlite") {
    return new SqliteClient({ adapter: sqliteAdapter(url, SQLITE_BUSY_TIMEOUT_MS), transactionOptions });
  }
  // Same models, other provider: the only differences are provider-only query options we do not use.
  const adapter = new PrismaPg({ connectionString: url });
  return new PostgresClient({ adapter, transactionOptions }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { portalDb?: Db };

/** The process-wide client, created on first use (survives hot reload in development). */
export function db(): Db {
  globalForDb.portalDb ??= createDb(appConfig().databaseUrl);
  return globalForDb.portalDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.portalDb?.$disconnect();
  globalForDb.portalDb = undefined;
}
