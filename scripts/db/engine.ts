// Offline Prisma Migrate: Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm),
// driven through the official driver adapters, because the CLI's native engine cannot be downloaded
// here. It reads and writes the standard migrations/<timestamp>_<name>/migration.sql folders and the
// standard _prisma_migrations table, so the official `prisma migrate deploy` can take over wherever
// the native engine is available.
//
// The wasm engine has rough edges the native CLI hides; each patch below is marked "Quirk N" (the
// numbering of the spike in shared/spikes/prisma-offline, where each was reproduced). Quirk 8, the
// engine's lock-timeout timers outliving the command (10 s after a PostgreSQL deploy, 60 s after a
// SQLite dev), which keep the process alive, is the CLI's to handle: this library never exits.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import type * as SE from "@prisma/schema-engine-wasm";
import type { QueryResult } from "pg";
import { ensurePrivateSqliteFile } from "../../lib/security/private-files";
import type { Flavor } from "./schemas";

export type { Flavor };

export interface MigrateOptions {
  url: string;
  flavor: Flavor;
  schemaPath: string;
  migrationsDir: string;
  /** PostgreSQL only: an existing database to use as the shadow DB (it is wiped first). */
  shadowDatabaseUrl?: string;
  /** Receives the engine's log lines. */
  log?: (line: string) => void;
}

/** An error meant for a person: its message is the whole story, a stack trace would add nothing. */
export class MigrateError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "MigrateError";
  }
}

const filters: SE.SchemaFilter = { externalTables: [], externalEnums: [] };

export function flavorOf(url: string): Flavor {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new MigrateError(
    `${scheme ? `Unsupported database URL scheme "${scheme}"` : "Database URL has no scheme"}: ` +
      "use file:<path> for SQLite or postgresql://... for PostgreSQL",
  );
}

/** better-sqlite3 opens `file:` paths relative to the process cwd; so do we, so that
 *  file:./data/portal.db is the same file for the app and for migrations. */
export function sqliteFile(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new MigrateError(`Database URL names no database: ${redact(url)}`);
  return name;
}

/** URLs end up in error messages; passwords must not. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/** Creates the database if it is missing, as `prisma migrate dev|deploy` do: for PostgreSQL
 *  through the `postgres` maintenance database of the same server, for SQLite the file itself (0600). */
export async function ensureDatabase(url: string): Promise<void> {
  if (flavorOf(url) === "sqlite") {
    // Created here rather than by SQLite, which would make it 0644: it holds personal data.
    ensurePrivateSqliteFile(sqliteFile(url));
    return;
  }
  const name = databaseName(url);
  const maintenanceUrl = withDatabase(url, "postgres");
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  try {
    await admin.connect();
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    // CREATE DATABASE takes no bind parameters, hence the quoted identifier.
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((e: unknown) => {
      // duplicate_database: someone else created it between our check and now; that is fine.
      if ((e as { code?: unknown }).code !== "42P04") throw e;
    });
  } catch (e) {
    throw new MigrateError(
      `Cannot check or create database "${name}" via ${redact(maintenanceUrl)}: ${describeError(e)}`,
    );
  } finally {
    await admin.end().catch(() => {}); // nothing to close if connect() failed
  }
}

/** One line for a person: messages end up in terminals and CI logs, stack traces add nothing. */
export function describeError(e: unknown): string {
  // pg reports a host that resolves to several addresses (localhost: ::1 and 127.0.0.1) as an
  // AggregateError without a message of its own.
  const message =
    e instanceof AggregateError && !e.message
      ? e.errors.map(describeError).join("; ")
      : e instanceof Error
        ? e.message
        : String(e);
  return message.replace(/\s*\n\s*/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Adapters

/** Every connection handed to the engine, so that all are closed when the command ends whether or
 *  not the engine disposes them (dispose is made idempotent: pg's Pool.end() throws on a 2nd call). */
class Connections {
  #open = new Set<SqlDriverAdapter>();
  track<A extends SqlDriverAdapter>(adapter: A): A {
    const dispose = adapter.dispose.bind(adapter);
    let done: Promise<void> | undefined;
    adapter.dispose = () => {
      this.#open.delete(adapter);
      return (done ??= dispose());
    };
    this.#open.add(adapter);
    return adapter;
  }
  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.#open].map((a) => a.dispose()));
  }
}

async function sqliteFactory(url: string, conns: Connections): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const factory = new PrismaBetterSqlite3({ url: sqliteFile(url) });
  // Quirk 2: on the shadow DB the engine replays each migration through executeRaw(whole script);
  // better-sqlite3's prepare() accepts exactly one statement and rejects it. Fall back to
  // executeScript (db.exec) for parameterless scripts.
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = (q: SqlQuery) =>
      executeRaw(q).catch(async (e: unknown) => {
        if (q.args.length || !/more than one statement|contains no statements/.test(String((e as Error)?.message)))
          throw e;
        await adapter.executeScript(q.sql);
        return 0;
      });
    return conns.track(adapter);
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

async function postgresFactory(
  opts: MigrateOptions,
  conns: Connections,
): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  type PgAdapter = Awaited<ReturnType<InstanceType<typeof PrismaPg>["connect"]>>;
  // PrismaPg keeps performIO private and onError protected; patching them needs their shapes,
  // stated here and nowhere else.
  type PgInternals = {
    performIO(q: SqlQuery): Promise<QueryResult>;
    onError(e: unknown): never;
  };

  const connect = async (connectionString: string): Promise<PgAdapter> => {
    const adapter = await new PrismaPg({ connectionString }).connect();
    const internals = adapter as unknown as PgInternals;
    // Quirk 4: the schema describer reads pg_catalog columns of type "char" (oid 18), which
    // PrismaPg rejects as UnsupportedNativeDataType. Report them as text (oid 25).
    const performIO = internals.performIO.bind(adapter);
    internals.performIO = async (q) => {
      const result = await performIO(q);
      for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    // Quirk 5: PrismaPg's executeScript splits on ';' (breaking $$ bodies and string literals) and
    // autocommits each piece, so a failing migration stays half applied. Send the script as ONE
    // simple-protocol query instead: PostgreSQL runs it as one implicit transaction, as the native
    // engine does.
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (e) {
        internals.onError(e); // maps the pg error the way the engine expects
      }
    };
    return conns.track(adapter);
  };

  // Quirk 6: PrismaPg's connectToShadowDb silently uses the MAIN database when given a connection
  // string (pg lets connectionString override `database`) and leaks its temporary database (it
  // drops it before closing its pool). Create and drop the temporary shadow database ourselves.
  const connectToShadowDb = async (): Promise<SqlDriverAdapter> => {
    if (opts.shadowDatabaseUrl) {
      if (
        databaseName(opts.shadowDatabaseUrl) === databaseName(opts.url) &&
        new URL(opts.shadowDatabaseUrl).host === new URL(opts.url).host
      )
        throw new MigrateError("The shadow database URL must not point at the main database");
      // Unlike the native engine, the wasm engine neither empties nor guards an external shadow DB.
      const shadow = await connect(opts.shadowDatabaseUrl);
      await shadow.executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
      return shadow;
    }
    const admin = await connect(opts.url); // needs the CREATEDB privilege, as native Prisma does
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE ${quoteIdent(name)}`);
    const shadow = await connect(withDatabase(opts.url, name));
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose(); // close the shadow pool first, or DROP DATABASE fails: "being accessed"
      await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`).finally(() => admin.dispose());
    };
    return shadow;
  };

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(opts.url),
    connectToShadowDb,
  };
}

// ---------------------------------------------------------------------------------------------
// Engine

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let glue: Promise<Glue> | undefined;

/** The package's entry point imports the .wasm as an ES module, which Node 20 cannot do; so the
 *  wasm-bindgen glue is wired to the module by hand. Once per process: the glue keeps module-level
 *  state (the instance, cached memory views), so a second instance would corrupt the first. */
function loadGlue(): Promise<Glue> {
  return (glue ??= (async () => {
    const g = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const dir = path.dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm"));
    const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
    // The glue module's exports are exactly the imports the wasm module declares.
    const instance = new WebAssembly.Instance(wasmModule, {
      "./schema_engine_bg.js": g as unknown as WebAssembly.ModuleImports,
    });
    g.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return g;
  })());
}

interface Session {
  engine: SE.SchemaEngine;
  schema: SE.SchemasContainer;
  migrations: () => SE.MigrationList;
}

/** Runs `fn` with a fresh engine bound to `opts`, then frees the engine and closes every
 *  connection; engine errors come out as one readable MigrateError. */
async function withEngine<T>(opts: MigrateOptions, fn: (s: Session) => Promise<T>): Promise<T> {
  const conns = new Connections();
  let errors: ErrorRegistry | undefined;
  let engine: SE.SchemaEngine | undefined;
  try {
    const datamodel = fs.readFileSync(opts.schemaPath, "utf8");
    const raw = opts.flavor === "sqlite" ? await sqliteFactory(opts.url, conns) : await postgresFactory(opts, conns);
    const factory = bindMigrationAwareSqlAdapterFactory(raw);
    errors = factory.errorRegistry;
    const g = await loadGlue();
    engine = await g.SchemaEngine.new(
      { datamodels: [[opts.schemaPath, datamodel]] },
      (line: string) => opts.log?.(line),
      factory,
    );
    return await fn({
      engine,
      schema: { files: [{ path: opts.schemaPath, content: datamodel }] },
      migrations: () => readMigrations(opts.migrationsDir),
    });
  } catch (e) {
    throw toMigrateError(e, errors, opts);
  } finally {
    engine?.free();
    await conns.closeAll();
  }
}

function toMigrateError(e: unknown, errors: ErrorRegistry | undefined, opts: MigrateOptions): MigrateError {
  if (e instanceof MigrateError) return e;
  const err = (e ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof err.code === "string" ? err.code : undefined; // Prisma's P-codes
  let message = typeof err.message === "string" ? err.message : String(e);
  // The engine appends a span trace ("   0: sql_schema_connector::... at src/....rs:113"): noise
  // for a person, except for the name of the migration that failed.
  const trace = /\n\s+0: [\s\S]*$/.exec(message);
  if (trace) {
    const migration = /migration_name="([^"]+)"/.exec(trace[0])?.[1];
    message = `${migration ? `Migration ${migration} failed: ` : ""}${message.slice(0, trace.index)}`;
  }
  // Errors thrown in JS (driver, adapter) reach us as the engine's opaque "External error id#N";
  // the registry holds the original.
  const external = /External error id#(\d+)/.exec(message);
  const original = external ? errors?.consumeError(Number(external[1]))?.error : undefined;
  if (external && original !== undefined) message = message.replace(external[0], describeError(original));
  const where = opts.flavor === "sqlite" ? sqliteFile(opts.url) : redact(opts.url);
  const text = `${code ? `${code} ` : ""}${describeError(message)} (${where})`;
  return new MigrateError(text.replaceAll(opts.url, redact(opts.url)), code);
}

/** The same shape the Prisma CLI builds: sorted migration folders, each with its migration.sql. */
function readMigrations(migrationsDir: string): SE.MigrationList {
  const read = (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, "utf8") : null);
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: read(path.join(migrationsDir, "migration_lock.toml")) },
    migrationDirectories: dirs.map((dir) => {
      const sql = read(path.join(migrationsDir, dir, "migration.sql"));
      return {
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: sql === null ? { tag: "error", value: "missing migration.sql" } : { tag: "ok", value: sql },
        },
      };
    }),
  };
}

const applyAll = async ({ engine, migrations }: Session): Promise<string[]> =>
  (await engine.applyMigrations({ migrationsList: migrations(), filters })).appliedMigrationNames;

// ---------------------------------------------------------------------------------------------
// Commands

/** Applies pending migrations (creating the database if missing); returns their names. */
export async function deploy(opts: MigrateOptions): Promise<string[]> {
  await ensureDatabase(opts.url);
  return withEngine(opts, applyAll);
}

export interface StatusReport {
  /** Migration folders found, oldest first. */
  migrations: string[];
  upToDate: boolean;
  diagnostic: SE.DiagnoseMigrationHistoryOutput;
}

export async function status(opts: MigrateOptions): Promise<StatusReport> {
  return withEngine(opts, async ({ engine, migrations }) => {
    const list = migrations();
    const diagnostic = await engine.diagnoseMigrationHistory({
      migrationsList: list,
      optInToShadowDatabase: false,
      filters,
    });
    const upToDate =
      diagnostic.history === null &&
      diagnostic.failedMigrationNames.length === 0 &&
      diagnostic.editedMigrationNames.length === 0;
    return { migrations: list.migrationDirectories.map((d) => d.path), upToDate, diagnostic };
  });
}

async function diffMigrationsToSchema(opts: MigrateOptions): Promise<{ changed: boolean; sql: string }> {
  return withEngine(opts, async ({ engine, migrations, schema }) => {
    // exitCode: true makes the engine report "differs" as 2, like `prisma migrate diff --exit-code`,
    // rather than us guessing from the script (an empty diff still prints a comment).
    const r = await engine.diff({
      from: { tag: "migrations", ...migrations() },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters,
    });
    return { changed: r.exitCode === 2, sql: r.stdout ?? "" };
  });
}

/** SQL that would take a database built from the migrations to schema.prisma (uses a shadow DB). */
export async function diff(opts: MigrateOptions): Promise<string> {
  return (await diffMigrationsToSchema(opts)).sql;
}

/** Whether schema.prisma has changes no migration captures (the history is replayed on a shadow
 *  DB); `sql` is what a new migration would contain. */
export async function checkDrift(opts: MigrateOptions): Promise<{ drift: boolean; sql: string }> {
  const { changed, sql } = await diffMigrationsToSchema(opts);
  return { drift: changed, sql: changed ? sql : "" };
}

export interface DevFlags {
  name: string;
  createOnly?: boolean;
  /** Accept data-loss warnings (dropped columns, tables...). */
  force?: boolean;
}

export interface DevResult {
  /** Folder name of the new migration, or null when the schema was already in sync. */
  created: string | null;
  /** Migrations applied by this run, pending ones included. */
  applied: string[];
  /** Data-loss warnings that were accepted (force) or left to the reviewer of a draft. */
  warnings: string[];
}

/** Like `prisma migrate dev`: applies pending migrations, writes a migration for what schema.prisma
 *  changed since, and applies it (unless createOnly). Never resets: drift is an error. */
export async function dev(opts: MigrateOptions, flags: DevFlags): Promise<DevResult> {
  await ensureDatabase(opts.url);
  return withEngine(opts, async (s) => {
    const { engine, migrations, schema } = s;
    const devDiagnostic = () => engine.devDiagnostic({ migrationsList: migrations(), filters });
    // Quirk 1: on a fresh database (no _prisma_migrations) devDiagnostic fails with P1014, where
    // the native CLI carries on. Applying an empty list creates the table; on a non-empty database
    // without history that fails with P3005 (baseline needed), which is the right answer there.
    const diagnostic = await devDiagnostic().catch(async (e: unknown) => {
      if ((e as { code?: unknown })?.code !== "P1014") throw e;
      await engine.applyMigrations({ migrationsList: { ...migrations(), migrationDirectories: [] }, filters });
      return devDiagnostic();
    });
    if (diagnostic.action.tag === "reset")
      throw new MigrateError(
        `The database needs a reset (${diagnostic.action.reason}); run reset --force, which drops all data`,
      );

    const applied = await applyAll(s);
    // Quirk 3: evaluateDataLoss cannot open a shadow DB itself ("must be provided through an
    // external factory"); it relies on the migrations schema devDiagnostic caches, which is stale
    // once we applied something. Refresh it.
    if (applied.length) await devDiagnostic();
    const loss = await engine.evaluateDataLoss({ migrationsList: migrations(), schema, filters });
    if (loss.unexecutableSteps.length)
      throw new MigrateError(`Cannot migrate: ${loss.unexecutableSteps.map((x) => x.message).join(" ")}`);
    const warnings = loss.warnings.map((x) => x.message);
    // A draft applies nothing: its warnings are for the person who reviews it.
    if (warnings.length && !flags.force && !flags.createOnly)
      throw new MigrateError(`Data loss (re-run with --force to accept): ${warnings.join(" ")}`);
    if (loss.migrationSteps === 0 && !flags.createOnly) return { created: null, applied, warnings };

    const list = migrations();
    const r = await engine.createMigration({
      migrationName: flags.name,
      draft: Boolean(flags.createOnly),
      migrationsList: list,
      schema,
      filters,
    });
    if (r.migrationScript === null) return { created: null, applied, warnings };
    const dir = path.join(opts.migrationsDir, r.generatedMigrationName);
    // Names start with a timestamp in seconds, and the folders' sort order is the order of the
    // history: a second run within the same second could overwrite a migration or sort before it.
    const last = list.migrationDirectories.at(-1)?.path;
    if (last !== undefined && last >= r.generatedMigrationName)
      throw new MigrateError(`Migration ${r.generatedMigrationName} would not sort after ${last}; retry in a second`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `migration.${r.extension}`), r.migrationScript);
    fs.writeFileSync(
      path.join(opts.migrationsDir, list.lockfile.path),
      "# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n" +
        `provider = "${r.connectorType}"\n`,
    );
    if (!flags.createOnly) applied.push(...(await applyAll(s)));
    return { created: r.generatedMigrationName, applied, warnings };
  });
}

/** Drops everything and applies all migrations; returns their names. */
export async function reset(opts: MigrateOptions): Promise<string[]> {
  // Quirk 7: engine.reset() through the SQLite adapter only empties the tables; delete the file.
  if (opts.flavor === "sqlite")
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(sqliteFile(opts.url) + suffix, { force: true });
  await ensureDatabase(opts.url);
  return withEngine(opts, async (s) => {
    if (opts.flavor === "postgres") await s.engine.reset({ filter: filters });
    return applyAll(s);
  });
}

export type ResolveFlags = { applied: string; rolledBack?: undefined } | { rolledBack: string; applied?: undefined };

/** Like `prisma migrate resolve`: record a migration as applied (baselining) or as rolled back
 *  (after fixing a failed one by hand). */
export async function resolve(opts: MigrateOptions, flags: ResolveFlags): Promise<void> {
  await withEngine(opts, async ({ engine, migrations }) => {
    if (flags.applied !== undefined)
      await engine.markMigrationApplied({ migrationName: flags.applied, migrationsList: migrations() });
    else await engine.markMigrationRolledBack({ migrationName: flags.rolledBack });
  });
}
