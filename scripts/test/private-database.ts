// A database of a test file's own, migrated and empty, for tests that count rows
// across the whole database or tamper with it. Returns its URL and a cleanup.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../db/prepare-database";
import { dropPostgresDatabase, postgresDatabaseUrl } from "./postgres";

export async function privateDatabase(
  flavor: "sqlite" | "postgres",
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `portal_${label}_${process.pid}_${Date.now()}`;
  if (flavor === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dsr-${label}-`));
    const url = `file:${path.join(dir, "test.db")}`;
    await prepareDatabase(url);
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) throw new Error("TEST_POSTGRES_URL is not set");
  const url = postgresDatabaseUrl(server, name);
  await prepareDatabase(url);
  return { url, drop: () => dropPostgresDatabase(url) };
}
