// A transaction written straight to the database driver, without Prisma's query engine: for the one
// write whose cost matters at scale, filing a request (submitRequest, lib/requests/submit-request.ts). A CPU profile of the intake
// benchmark put Prisma's per-query work (building, interpreting and mapping each of a filing's ten
// queries, plus the interactive transaction's machinery) at most of a filing's server time; the same
// rows written as prepared statements cost a small fraction of it (bench/README.md, intake).
//
// SQLite: the statements run on Prisma's own better-sqlite3 connection, in its turn (sqlite-adapter.ts),
// so that they never join a Prisma transaction in progress, and begin IMMEDIATE without blocking the
// event loop, as Prisma's transactions there do. PostgreSQL: a small pool of its own (pg), with named
// (server-side prepared) statements.
import type pg from "pg";
import type { Db } from "../client";
import { directAccessOf } from "./direct-access";
import { sqlArgs, type SqlValue } from "./sql-values";

export type { SqlValue } from "./sql-values";

export interface DirectTx {
  readonly flavor: "sqlite" | "postgres";
  /** Runs one statement (`?` placeholders, double-quoted identifiers, SQL both engines speak). */
  run(sql: string, args: readonly SqlValue[]): Promise<void>;
  /** Runs one statement and gives its first row (column names as written), or undefined. */
  get<T extends Record<string, unknown>>(sql: string, args: readonly SqlValue[]): Promise<T | undefined>;
}

/**
 * Runs `work` in one transaction on `db`'s database: committed when it returns, rolled back when it
 * throws (the error is passed on). Waits, without blocking the process, for the SQLite write lock
 * (at most the client's busy timeout) or for a free PostgreSQL connection.
 */
export async function directTransaction<T>(db: Db, work: (tx: DirectTx) => Promise<T>): Promise<T> {
  return direct(db, work, true);
}

/**
 * Runs `work`'s statements each on its own, committed as it runs (PostgreSQL: no BEGIN/COMMIT round
 * trips; SQLite: still in one turn of the connection). For statements that stand alone, e.g. a counter.
 */
export async function directStatements<T>(db: Db, work: (tx: DirectTx) => Promise<T>): Promise<T> {
  return direct(db, work, false);
}

async function direct<T>(db: Db, work: (tx: DirectTx) => Promise<T>, inTransaction: boolean): Promise<T> {
  const access = await directAccessOf(db);
  if (access.flavor === "sqlite") {
    const { connection } = access;
    const done = await connection.turn();
    try {
      if (inTransaction) await connection.begin();
      const tx: DirectTx = {
        flavor: "sqlite",
        run: async (sql, args) => {
          connection.statement(sql).run(sqlArgs("sqlite", args));
        },
        get: async <R extends Record<string, unknown>>(sql: string, args: readonly SqlValue[]) =>
          connection.statement(sql).raw(false).get(sqlArgs("sqlite", args)) as R | undefined,
      };
      try {
        const result = await work(tx);
        if (inTransaction) connection.client.exec("COMMIT");
        return result;
      } catch (error) {
        if (connection.client.inTransaction) connection.client.exec("ROLLBACK");
        throw error;
      }
    } finally {
      done();
    }
  }
  if (!inTransaction) return work(postgresTx(access.pool()));
  const client = await access.pool().connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    try {
      const result = await work(postgresTx(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw error;
    }
  } finally {
    // A connection whose rollback failed is in an unknown state: closed rather than handed out again.
    client.release(broken);
  }
}

/** Statements on `runner`: the pool (each statement on its own) or one connection (in its transaction). */
function postgresTx(runner: Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">): DirectTx {
  const query = (sql: string, args: readonly SqlValue[]) =>
    runner.query<Record<string, unknown>>({ ...postgresStatement(sql), values: sqlArgs("postgres", args) });
  return {
    flavor: "postgres",
    run: async (sql, args) => {
      await query(sql, args);
    },
    get: async <R extends Record<string, unknown>>(sql: string, args: readonly SqlValue[]) =>
      (await query(sql, args)).rows[0] as R | undefined,
  };
}

const statements = new Map<string, { name: string; text: string }>();

/**
 * The SQL text as PostgreSQL takes it: `?` placeholders as `$1, $2 …` (the statements here hold no other
 * question mark), under one name per text, so that pg prepares it once per connection (server-side).
 */
function postgresStatement(sql: string): { name: string; text: string } {
  let statement = statements.get(sql);
  if (!statement) {
    let n = 0;
    statement = { name: `direct_${statements.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    statements.set(sql, statement);
  }
  return statement;
}
