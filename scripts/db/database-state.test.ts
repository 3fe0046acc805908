// What `npm start` reads to skip the migration engine and the seed (scripts/db/database-state.ts),
// against real databases: SQLite always, PostgreSQL when TEST_POSTGRES_URL names a server.
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DEMO_SEEDED_KEY } from "../../prisma/demo-people";
import { freshDatabases } from "../test/fresh-databases";
import { readDatabaseState } from "./database-state";
import { prepareDatabase } from "./prepare-database";
import { migrationsDirOf, type Flavor } from "./schemas";

const pgServer = process.env.TEST_POSTGRES_URL;
const { freshUrl } = freshDatabases("database-state");

/** Runs one SQL statement on the database (tampering the way a failed or edited migration would). */
async function execute(flavor: Flavor, url: string, sql: string): Promise<void> {
  if (flavor === "sqlite") {
    const sqlite = new Database(url.slice("file:".length));
    sqlite.exec(sql);
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const flavors: Flavor[] = pgServer ? ["sqlite", "postgres"] : ["sqlite"];

describe.each(flavors)("readDatabaseState on %s", (flavor) => {
  const read = (url: string) => readDatabaseState(url, migrationsDirOf(flavor), DEMO_SEEDED_KEY);

  it("reads a missing database as not migrated and not seeded, without creating it", async () => {
    const url = freshUrl(flavor, "missing");
    expect(await read(url)).toEqual({ migrationsCurrent: false, demoSeeded: false });
    if (flavor === "sqlite") expect(fs.existsSync(url.slice("file:".length))).toBe(false);
  });

  it(
    "is current once every migration folder is applied, and not when one was edited or failed",
    { timeout: 60_000 },
    async () => {
      const url = freshUrl(flavor, "migrated");
      expect((await prepareDatabase(url)).length).toBe(fs.readdirSync(migrationsDirOf(flavor)).length - 1);
      expect(await read(url)).toEqual({ migrationsCurrent: true, demoSeeded: false });

      await execute(
        flavor,
        url,
        `INSERT INTO "AppMeta" (key, value, "updatedAt") VALUES ('${DEMO_SEEDED_KEY}', 'x', CURRENT_TIMESTAMP)`,
      );
      expect(await read(url)).toEqual({ migrationsCurrent: true, demoSeeded: true });

      // An edited migration.sql (its checksum no longer matches): the engine must see it.
      await execute(
        flavor,
        url,
        `UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name LIKE '%_init'`,
      );
      expect((await read(url)).migrationsCurrent).toBe(false);
      await execute(flavor, url, `DELETE FROM _prisma_migrations WHERE checksum = 'edited'`);
      expect((await read(url)).migrationsCurrent).toBe(false);
    },
  );

  it("is not current while a migration is recorded as started but not finished", { timeout: 60_000 }, async () => {
    const url = freshUrl(flavor, "failed");
    await prepareDatabase(url);
    await execute(
      flavor,
      url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ('failed-one', 'x', '99999999999999_failed', CURRENT_TIMESTAMP, 0)`,
    );
    expect((await read(url)).migrationsCurrent).toBe(false);
  });
});
