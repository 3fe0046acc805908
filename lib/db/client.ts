// The one Prisma client of a process. DATABASE_URL picks the engine: "file:" is
// SQLite through better-sqlite3, "postgres://" is PostgreSQL through pg. Both
// generated clients come from the same models (prisma/models.prisma), so their
// model APIs are the same; the code is typed against the SQLite one.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { appConfig, databaseFlavor, type DatabaseFlavor } from "../config/app-config";
import { DIRECT_ACCESS, endDirectAccess, type DirectAccessSource } from "./direct/direct-access";
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

// On the client itself under a registered symbol, not in a module's own map: the serving process may
// use a client made by another copy of this module (scripts/start.ts's bundle seeds the demo data
// with db() before Next.js's server code shares it through globalThis).
const FLAVOR = Symbol.for("dsr-portal.db-flavor");

export function createDb(url: string): Db {
  const transactionOptions = { maxWait: TRANSACTION_MAX_WAIT_MS };
  const flavor = databaseFlavor(url);
  const sqlite = flavor === "sqlite" ? sqliteAdapter(url, SQLITE_BUSY_TIMEOUT_MS) : null;
  const client = sqlite
    ? new SqliteClient({ adapter: sqlite, transactionOptions })
    : // Same models, other provider: the only differences are provider-only query options we do not use.
      (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions }) as unknown as Db);
  Object.defineProperty(client, FLAVOR, { value: flavor });
  // lib/db/direct/: the few writes made without Prisma reach the same database through this.
  const direct: DirectAccessSource = sqlite
    ? { flavor: "sqlite", connection: () => sqlite.direct() }
    : { flavor: "postgres", url };
  Object.defineProperty(client, DIRECT_ACCESS, { value: direct });
  const disconnect = client.$disconnect.bind(client);
  Object.defineProperty(client, "$disconnect", {
    value: async () => {
      await endDirectAccess(client);
      await disconnect();
    },
  });
  return client;
}

/**
 * Which engine a client made by createDb talks to, for the few places whose best way to do something
 * differs between them (e.g. where locks are worth avoiding: only PostgreSQL runs writers side by side).
 */
export function flavorOf(db: Db): DatabaseFlavor {
  const flavor = (db as unknown as Record<symbol, DatabaseFlavor | undefined>)[FLAVOR];
  if (!flavor) throw new Error("flavorOf: a client not made by createDb");
  return flavor;
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
