// Databases that do not exist yet, for tests of what creates and migrates them: SQLite files in a
// folder of the test file's own, PostgreSQL databases on TEST_POSTGRES_URL's server; all removed after the file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import type { Flavor } from "../db/schemas";
import { dropPostgresDatabase, postgresDatabaseUrl } from "./postgres";

/** Registers the cleanup and returns `freshUrl(flavor, label)`; `prefix` names the folder and the databases. */
export function freshDatabases(prefix: string): { tmp: string; freshUrl: (flavor: Flavor, label: string) => string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dsr-${prefix}-`));
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const pgDatabases: string[] = [];
  afterAll(async () => {
    await Promise.all(pgDatabases.map(dropPostgresDatabase));
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const freshUrl = (flavor: Flavor, label: string): string => {
    if (flavor === "sqlite") return `file:${path.join(tmp, `${label}.db`)}`;
    const url = postgresDatabaseUrl(
      process.env.TEST_POSTGRES_URL ?? "",
      `${prefix.replaceAll("-", "_")}_${runId}_${label}`,
    );
    pgDatabases.push(url);
    return url;
  };
  return { tmp, freshUrl };
}
