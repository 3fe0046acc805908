// Prisma's better-sqlite3 adapter with two changes that make concurrent writers safe.
//
// 1. Transactions begin IMMEDIATE. The adapter opens them with a plain (deferred) BEGIN. In WAL mode a
//    deferred transaction that has read and then wants to write cannot wait for the write lock:
//    SQLite skips the busy handler when a connection already holding a read snapshot asks for the
//    write lock (it could deadlock), and if another connection committed since the snapshot began, the
//    snapshot is stale for good (SQLITE_BUSY_SNAPSHOT). Either way the transaction failed at once,
//    whatever the busy timeout, whenever the jobs worker (another process) was writing the outbox;
//    transitionRequest reported that as a conflict. BEGIN IMMEDIATE takes the write lock first, while
//    holding nothing, so the busy timeout applies: writers queue instead of failing.
// 2. One connection, one thing at a time. The adapter serialises transactions, but a query outside a
//    transaction ran on the same connection in the middle of someone's open transaction, joined it, and
//    was rolled back with it. Here such a query waits until the transaction is over.
//
// 3. Statements are prepared once. The adapter prepares every query's SQL again each time it runs
//    (and binds its arguments into the new statement for good, so a statement cannot be reused as it
//    does it); Prisma sends the same few texts over and over, so compiling them was a good part of
//    each filing's database time. Here the connection keeps one statement per SQL text.
//
// The adapter's BEGIN is fixed in its code, so each transaction it starts is ended at once (it has
// run no statement, so it holds no lock and commits nothing) and begun again IMMEDIATE.
//
// 4. Waiting for the write lock does not stop the process. better-sqlite3 is synchronous: a BEGIN
//    IMMEDIATE that finds another process (the jobs worker) writing sleeps in SQLite's busy handler,
//    and with it the whole event loop, every request in flight included. So BEGIN IMMEDIATE is tried
//    without a busy timeout, and while the lock is taken the connection waits with timers, the event
//    loop free; only once the busy timeout has passed is it tried one last time the blocking way
//    (which then fails, or succeeds, as before).
//
// 5. The connection is lent to lib/db/direct/ (a filing's statements written without Prisma), in a turn
//    of the same queue and begun the same way, so direct and Prisma transactions never mix.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * The connection as lib/db/direct/ uses it: statements of its own on the same connection, in its own
 * turn (so never inside someone's Prisma transaction), begun IMMEDIATE as Prisma's are here.
 */
export interface DirectSqliteConnection {
  client: BetterSqlite3.Database;
  /** The prepared statement for `sql`, from the connection's cache. */
  statement(sql: string): BetterSqlite3.Statement;
  /** Waits for every earlier turn (Prisma's transactions and queries included); gives the function that ends this one. */
  turn(): Promise<() => void>;
  /** BEGIN IMMEDIATE, waiting for another process's write lock with timers (at most the busy timeout). */
  begin(): Promise<void>;
}

export interface SqliteAdapterFactory extends SqlDriverAdapterFactory {
  /** The connection once Prisma has opened it (undefined before, or should the adapter hide it). */
  direct(): DirectSqliteConnection | undefined;
}

/**
 * A Prisma adapter factory for the SQLite file at `url` ("file:<path>"). `busyTimeoutMs` is how long a
 * writer waits for another connection's write lock before SQLite answers SQLITE_BUSY.
 */
export function sqliteAdapter(url: string, busyTimeoutMs: number): SqliteAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url, timeout: busyTimeoutMs });
  let direct: DirectSqliteConnection | undefined;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const client = clientOf(adapter);
      const statement = preparedOnce(adapter, client);
      const turn = turns();
      if (client && statement) {
        direct = {
          client,
          statement,
          turn,
          begin: async () => {
            if (!(await beganWithoutBlocking(client, busyTimeoutMs))) client.exec("BEGIN IMMEDIATE");
          },
        };
      }
      const served = serialised(adapter, client, turn, busyTimeoutMs);
      // Prisma disconnected: the connection is closed, and the next use opens a new one.
      const dispose = served.dispose;
      served.dispose = async () => {
        direct = undefined;
        await dispose();
      };
      return served;
    },
    direct: () => direct,
  };
}

/** How many distinct SQL texts a connection keeps prepared; Prisma's are a few hundred at most. */
const STATEMENT_CACHE_SIZE = 1_000;

/**
 * The adapter with its better-sqlite3 connection's `prepare` answered from a cache by SQL text. The
 * adapter uses a statement as `prepare(sql).bind(args)` and then `run()`, `reader`, `columns()` and
 * `raw().all()` of what bind returned; bind fixes the arguments for good, so the cached statement
 * is handed out behind a small object that passes the arguments to each call instead.
 */
function preparedOnce(
  adapter: SqlDriverAdapter,
  client: BetterSqlite3.Database | undefined,
): ((sql: string) => BetterSqlite3.Statement) | undefined {
  // Should a new version of the adapter hide its connection, it runs uncached (slower, still correct).
  if (!client) return undefined;
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, BetterSqlite3.Statement>();
  const cached = (sql: string): BetterSqlite3.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  };
  const reuse = (sql: string) => {
    const statement = cached(sql);
    return {
      reader: statement.reader,
      bind: (args: unknown[]) => ({
        reader: statement.reader,
        run: () => statement.run(args),
        columns: () => statement.columns(),
        // The adapter asks only for raw rows (arrays), so the shared statement stays in raw mode.
        raw: () => ({ all: () => statement.raw(true).all(args) }),
      }),
      run: () => statement.run(),
    };
  };
  (client as unknown as { prepare: typeof reuse }).prepare = reuse;
  return cached;
}

function serialised(
  adapter: SqlDriverAdapter,
  client: BetterSqlite3.Database | undefined,
  turn: () => Promise<() => void>,
  busyTimeoutMs: number,
): SqlDriverAdapter {
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    const done = await turn();
    try {
      return await work();
    } finally {
      done();
    }
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => alone(() => adapter.queryRaw(query)),
    executeRaw: (query) => alone(() => adapter.executeRaw(query)),
    executeScript: (script) => alone(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const done = await turn();
      let transaction: Transaction | undefined;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
        await transaction.executeRaw(statement("COMMIT"));
        if (!client || !(await beganWithoutBlocking(client, busyTimeoutMs))) {
          await transaction.executeRaw(statement("BEGIN IMMEDIATE"));
        }
      } catch (error) {
        // BEGIN IMMEDIATE timed out: no transaction is open; let the adapter release its own lock.
        await transaction?.rollback();
        done();
        throw error;
      }
      return endsTurn(transaction, done);
    },
  };
}

/** The adapter's better-sqlite3 connection (a public field of it), or undefined should a new version hide it. */
function clientOf(adapter: SqlDriverAdapter): BetterSqlite3.Database | undefined {
  const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
  return client && typeof client.prepare === "function" && typeof client.exec === "function" ? client : undefined;
}

/** The longest pause between two tries for the write lock, in milliseconds. */
const MAX_LOCK_PAUSE_MS = 16;

/**
 * Tries BEGIN IMMEDIATE with SQLite's busy timeout off, pausing (1, 2, 4 … MAX_LOCK_PAUSE_MS ms) between
 * tries while another connection holds the write lock. True once begun; false when `busyTimeoutMs` has
 * passed without the lock (the caller then tries the blocking way). Other errors are thrown.
 */
async function beganWithoutBlocking(client: BetterSqlite3.Database, busyTimeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + busyTimeoutMs;
  client.exec("PRAGMA busy_timeout = 0");
  try {
    for (let pause = 1; ; pause = Math.min(pause * 2, MAX_LOCK_PAUSE_MS)) {
      try {
        client.exec("BEGIN IMMEDIATE");
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code !== "SQLITE_BUSY") throw error;
        if (Date.now() + pause > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  } finally {
    client.exec(`PRAGMA busy_timeout = ${Math.floor(busyTimeoutMs)}`);
  }
}

/** The transaction as it is, except that ending it (Prisma has sent COMMIT or ROLLBACK) ends the turn. */
function endsTurn(transaction: Transaction, done: () => void): Transaction {
  const end = (how: () => Promise<void>) => () => how().finally(done);
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: end(() => transaction.commit()),
    rollback: end(() => transaction.rollback()),
    createSavepoint: transaction.createSavepoint?.bind(transaction),
    rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
    releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
  };
}

/** A queue of turns: `await turn()` waits for every earlier turn to end, and gives the function that ends this one. */
function turns(): () => Promise<() => void> {
  let last: Promise<void> = Promise.resolve();
  return async () => {
    const previous = last;
    let end!: () => void;
    last = new Promise<void>((resolve) => (end = resolve));
    await previous;
    return end;
  };
}

function statement(sql: string): SqlQuery {
  return { sql, args: [], argTypes: [] };
}
