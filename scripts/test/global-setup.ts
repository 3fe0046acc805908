// Vitest global setup: one real SQLite database, and one real PostgreSQL database
// when TEST_POSTGRES_URL names a server, created and migrated for this run and
// removed after it. Tests get their URLs with inject("testDatabases").
// TEST_SKIP_SQLITE=true leaves SQLite out where a run beside it already covered it (.ci/run).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../db/prepare-database";
import { dropPostgresDatabase, postgresDatabaseUrl } from "./postgres";

export interface TestDatabase {
  flavor: "sqlite" | "postgres";
  url: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabases: TestDatabase[];
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-portal-test-"));
  const server = process.env.TEST_POSTGRES_URL;
  const skipSqlite = process.env.TEST_SKIP_SQLITE === "true";
  if (skipSqlite && !server)
    throw new Error("TEST_SKIP_SQLITE=true needs TEST_POSTGRES_URL: no database would be left");
  const databases: TestDatabase[] = skipSqlite ? [] : [{ flavor: "sqlite", url: `file:${path.join(dir, "test.db")}` }];
  if (server)
    databases.push({
      flavor: "postgres",
      url: postgresDatabaseUrl(server, `portal_test_${process.pid}_${Date.now()}`),
    });
  for (const database of databases) await prepareDatabase(database.url);
  project.provide("testDatabases", databases);

  return async () => {
    for (const database of databases) if (database.flavor === "postgres") await dropPostgresDatabase(database.url);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
