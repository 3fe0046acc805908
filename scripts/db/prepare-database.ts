// What every start does before serving: create the database if it is missing,
// apply pending migrations, and for SQLite switch on write-ahead logging (it is
// stored in the file, so once is enough; readers then never block the writer).
import Database from "better-sqlite3";
import { deploy, ensureDatabase, flavorOf, sqliteFile, type MigrateOptions } from "./engine";
import { migrationsDirOf, schemaPathOf } from "./schemas";

export function migrateOptionsFor(url: string): MigrateOptions {
  const flavor = flavorOf(url);
  return { url, flavor, schemaPath: schemaPathOf(flavor), migrationsDir: migrationsDirOf(flavor) };
}

/** Returns the names of the migrations it applied. */
export async function prepareDatabase(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const applied = await deploy(migrateOptionsFor(url));
  if (flavorOf(url) === "sqlite") {
    const sqlite = new Database(sqliteFile(url));
    try {
      sqlite.pragma("journal_mode = WAL");
    } finally {
      sqlite.close();
    }
  }
  return applied;
}
