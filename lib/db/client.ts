// The one Prisma client of a process. DATABASE_URL picks the engine: "file:" is
// SQLite through better-sqlite3, "postgres://" is PostgreSQL through pg. Both
// generated clients come from the same models (prisma/models.prisma), so their
// model APIs are the same; the code is typed against the SQLite one.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { appConfig, databaseFlavor } from "../config/app-config";

export type Db = SqliteClient;

/** Waits this long for a write lock before SQLite reports "database is locked". */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function createDb(url: string): Db {
  if (databaseFlavor(url) === "sqlite") {
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  }
  // Same models, other provider: the only differences are provider-only query options we do not use.
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
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
