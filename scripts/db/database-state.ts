// What `npm start` needs to know about the database before it loads anything heavy: whether every
// migration folder is already applied (then the wasm migration engine, ~1 s of loading and
// compiling, is not needed) and whether the demo data are in. Read with one plain connection
// (better-sqlite3 or pg), not through Prisma or the schema engine.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { flavorOf, sqliteFile } from "./engine";

export interface DatabaseState {
  /** Every folder in the migrations directory is in _prisma_migrations, finished, not rolled back, same checksum. */
  migrationsCurrent: boolean;
  /** The AppMeta row that prisma/seed.ts writes first is there (false also when the table is not). */
  demoSeeded: boolean;
}

interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

const UNKNOWN: DatabaseState = { migrationsCurrent: false, demoSeeded: false };

/**
 * Reads the state of the database at `url` against the migration folders in `migrationsDir`.
 * Never throws for a missing database, file or table: those read as "not current, not seeded",
 * which sends the start through the full path (the engine then creates and migrates as before and
 * reports any real problem, e.g. a failed or edited migration, in its own words).
 * @param demoKey the AppMeta key of the demo seed (prisma/seed.ts DEMO_SEEDED_KEY)
 */
export async function readDatabaseState(url: string, migrationsDir: string, demoKey: string): Promise<DatabaseState> {
  const expected = migrationFolders(migrationsDir);
  try {
    const { applied, seeded } =
      flavorOf(url) === "sqlite" ? await readSqlite(url, demoKey) : await readPostgres(url, demoKey);
    return { migrationsCurrent: allApplied(expected, applied), demoSeeded: seeded };
  } catch {
    return UNKNOWN;
  }
}

/** Prisma's checksum of a migration: SHA-256 of migration.sql, lower-case hex. */
function migrationFolders(dir: string): Map<string, string> {
  const folders = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (fs.existsSync(file)) folders.set(name, createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
  }
  return folders;
}

function allApplied(expected: Map<string, string>, applied: AppliedMigration[]): boolean {
  // A failed migration (started, neither finished nor rolled back) must reach the engine, which refuses to go on.
  if (applied.some((m) => m.finished_at == null && m.rolled_back_at == null)) return false;
  const done = new Map(
    applied.filter((m) => m.finished_at != null && m.rolled_back_at == null).map((m) => [m.migration_name, m.checksum]),
  );
  return expected.size > 0 && [...expected].every(([name, checksum]) => done.get(name) === checksum);
}

async function readSqlite(url: string, demoKey: string): Promise<{ applied: AppliedMigration[]; seeded: boolean }> {
  const file = sqliteFile(url);
  if (!fs.existsSync(file)) return { applied: [], seeded: false };
  // Loaded here, not at the top: a PostgreSQL start never needs the native SQLite module.
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = (name: string) =>
      sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    const applied = hasTable("_prisma_migrations")
      ? (sqlite
          .prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations")
          .all() as AppliedMigration[])
      : [];
    const seeded =
      hasTable("AppMeta") && sqlite.prepare('SELECT 1 FROM "AppMeta" WHERE key = ?').get(demoKey) !== undefined;
    return { applied, seeded };
  } finally {
    sqlite.close();
  }
}

async function readPostgres(url: string, demoKey: string): Promise<{ applied: AppliedMigration[]; seeded: boolean }> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ migrations: string | null; meta: string | null }>(
      `SELECT to_regclass('_prisma_migrations')::text AS migrations, to_regclass('"AppMeta"')::text AS meta`,
    );
    const { migrations, meta } = tables.rows[0] ?? { migrations: null, meta: null };
    const applied = migrations
      ? (
          await client.query<AppliedMigration>(
            "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
          )
        ).rows
      : [];
    const seeded = meta
      ? (await client.query('SELECT 1 FROM "AppMeta" WHERE key = $1', [demoKey])).rowCount! > 0
      : false;
    return { applied, seeded };
  } finally {
    await client.end().catch(() => {});
  }
}
