// The offline migration toolchain against real databases: SQLite always, PostgreSQL when
// TEST_POSTGRES_URL names a server (each test gets its own databases, dropped at the end).
// Engine operations take ~1-2 s each, hence the generous timeouts.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshDatabases } from "../test/fresh-databases";
import { checkDrift, deploy, dev, ensureDatabase, sqliteFile, status, type MigrateOptions } from "./engine";
import { checkSchemas, FLAVORS, migrationsDirOf, ROOT, schemaPathOf, writeSchemas } from "./schemas";

const pgServer = process.env.TEST_POSTGRES_URL;
const { tmp, freshUrl } = freshDatabases("migrate-test");

const migrationFolders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

async function tableExists(url: string, table: string): Promise<boolean> {
  if (url.startsWith("file:")) {
    const db = new Database(sqliteFile(url), { readonly: true });
    try {
      return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [
      `public."${table}"`,
    ]);
    return rows[0]?.found != null;
  } finally {
    await client.end();
  }
}

it("the derived schemas match prisma/models.prisma", () => {
  expect(checkSchemas()).toEqual([]);
});

describe.each(FLAVORS)("%s", (flavor) => {
  const skip = flavor === "postgres" && !pgServer;

  it.skipIf(skip)(
    "the committed migrations build a fresh database that matches the schema",
    async () => {
      const opts: MigrateOptions = {
        url: freshUrl(flavor, "committed"),
        flavor,
        schemaPath: schemaPathOf(flavor),
        migrationsDir: migrationsDirOf(flavor),
      };
      const committed = migrationFolders(opts.migrationsDir);
      expect(committed.length).toBeGreaterThan(0);

      expect(await deploy(opts)).toEqual(committed);
      expect(await checkDrift(opts)).toEqual({ drift: false, sql: "" });
      expect(await status(opts)).toMatchObject({ migrations: committed, upToDate: true });
    },
    60_000,
  );

  it.skipIf(skip)(
    "a model change becomes a migration that another database then receives",
    async () => {
      // A private copy of prisma/: the test must not touch the real models or migrations.
      const prismaDir = path.join(tmp, `prisma-${flavor}`);
      fs.cpSync(path.join(ROOT, "prisma"), prismaDir, { recursive: true });
      fs.appendFileSync(
        path.join(prismaDir, "models.prisma"),
        "\nmodel Throwaway {\n  id   Int    @id\n  note String\n}\n",
      );
      writeSchemas(prismaDir);
      const paths = {
        flavor,
        schemaPath: schemaPathOf(flavor, prismaDir),
        migrationsDir: migrationsDirOf(flavor, prismaDir),
      };
      const committed = migrationFolders(paths.migrationsDir);

      const devDb: MigrateOptions = { ...paths, url: freshUrl(flavor, "dev") };
      await ensureDatabase(devDb.url); // the drift check needs an existing database to work from
      const drift = await checkDrift(devDb);
      expect(drift.drift).toBe(true);
      expect(drift.sql).toContain('"Throwaway"');

      const result = await dev(devDb, { name: "add_throwaway" });
      expect(result.created).toMatch(/^\d{14}_add_throwaway$/);
      const created = result.created ?? "";
      expect(result.applied).toEqual([...committed, created]);
      expect(fs.readFileSync(path.join(paths.migrationsDir, created, "migration.sql"), "utf8")).toContain(
        'CREATE TABLE "Throwaway"',
      );
      expect(await tableExists(devDb.url, "Throwaway")).toBe(true);
      expect((await checkDrift(devDb)).drift).toBe(false);
      expect(await dev(devDb, { name: "nothing_new" })).toEqual({ created: null, applied: [], warnings: [] });

      const otherDb: MigrateOptions = { ...paths, url: freshUrl(flavor, "other") };
      expect(await deploy(otherDb)).toEqual([...committed, created]);
      expect(await tableExists(otherDb.url, "Throwaway")).toBe(true);
      expect(await status(otherDb)).toMatchObject({ migrations: [...committed, created], upToDate: true });
    },
    120_000,
  );
});
