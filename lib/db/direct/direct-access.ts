// How direct-transaction.ts reaches a client's database: the SQLite connection Prisma uses (with its
// turn, sqlite-adapter.ts), or a pg pool of the client's own, made on first use and ended with the client.
import pg from "pg";
import { logger } from "../../log/logger";
import type { Db } from "../client";
import type { DirectSqliteConnection } from "../sqlite-adapter";

export type DirectAccess =
  { flavor: "sqlite"; connection: DirectSqliteConnection } | { flavor: "postgres"; pool: () => pg.Pool };

/** Set by createDb on each client it makes. */
export const DIRECT_ACCESS = Symbol.for("dsr-portal.db-direct-access");

export type DirectAccessSource =
  { flavor: "sqlite"; connection: () => DirectSqliteConnection | undefined } | { flavor: "postgres"; url: string };

const pools = new WeakMap<Db, pg.Pool>();

/** Connects the client first if it has not yet (SQLite: Prisma opens its one connection lazily). */
export async function directAccessOf(db: Db): Promise<DirectAccess> {
  const source = (db as unknown as Record<symbol, DirectAccessSource | undefined>)[DIRECT_ACCESS];
  if (!source) throw new Error("directTransaction: a client not made by createDb");
  if (source.flavor === "postgres") {
    return {
      flavor: "postgres",
      pool: () => {
        let pool = pools.get(db);
        if (!pool) {
          // Few connections: filings are short, and Prisma's own pool serves everything else.
          pool = new pg.Pool({
            connectionString: source.url,
            max: 4,
            idleTimeoutMillis: 30_000,
            allowExitOnIdle: true,
          });
          // An idle connection the server ends (a restart, a dropped database) is reported here; unheard,
          // pg's error event would end the process. The pool drops that connection and opens a new one when needed.
          pool.on("error", (error) => logger.warn({ err: error }, "a direct database connection ended"));
          pools.set(db, pool);
        }
        return pool;
      },
    };
  }
  let connection = source.connection();
  if (!connection?.client.open) {
    await db.$connect();
    connection = source.connection();
  }
  if (!connection) throw new Error("directTransaction: the SQLite adapter exposes no connection");
  return { flavor: "sqlite", connection };
}

/** Ends the client's pool, if it made one (createDb's $disconnect calls this). */
export async function endDirectAccess(db: Db): Promise<void> {
  const pool = pools.get(db);
  pools.delete(db);
  await pool?.end();
}
