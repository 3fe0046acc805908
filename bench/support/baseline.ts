// The baseline: the bare Next.js 16 app in bench/baseline, built and run beside the portal in the same
// sitting. It is built in a folder of its own under the system's temp directory (with the project's
// node_modules hard-linked in), because Next.js would otherwise take the portal's proxy.ts for its own;
// the build is kept there and reused while the sources are unchanged.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { dropPostgresDatabase, postgresDatabaseUrl } from "../../scripts/test/postgres";
import type { Flavor } from "./options";
import { root } from "./portal";
import { startProcess, waitForUrl, type Started } from "./processes";

const SOURCE = path.join(root, "bench/baseline");
const STAGE = path.join(os.tmpdir(), "dsr-bench-baseline");

export interface Baseline extends Started {
  url: string;
  /** Rows the baseline inserted so far. */
  count: () => Promise<number>;
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === ".next" || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(SOURCE, full)).update(fs.readFileSync(full));
    }
  };
  walk(SOURCE);
  return hash.digest("hex");
}

/** Builds the baseline unless the staged build is of the current sources. */
export function buildBaseline(say: (line: string) => void): void {
  const hash = sourceHash();
  const stamp = path.join(STAGE, ".source-hash");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) return;
  say("Building the baseline app (bench/baseline)…");
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.cpSync(SOURCE, STAGE, { recursive: true });
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(STAGE, "node_modules")]);
  fs.writeFileSync(
    path.join(STAGE, "package.json"),
    JSON.stringify({ name: "bench-baseline", private: true, type: "module" }),
  );
  execFileSync(path.join(STAGE, "node_modules/.bin/next"), ["build"], {
    cwd: STAGE,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  fs.writeFileSync(stamp, hash);
}

const TABLE =
  'CREATE TABLE IF NOT EXISTS "Filing" ("id" SERIAL PRIMARY KEY, "email" TEXT NOT NULL, "payload" TEXT NOT NULL)';

export async function startBaseline(flavor: Flavor, port: number, postgresServer: string): Promise<Baseline> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-bench-baseline-db-"));
  let count: () => Promise<number>;
  let database: Record<string, string>;
  if (flavor === "sqlite") {
    const file = path.join(dir, "baseline.db");
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(TABLE.replace("SERIAL PRIMARY KEY", "INTEGER PRIMARY KEY AUTOINCREMENT"));
    sqlite.close();
    database = { BASELINE_SQLITE_FILE: file };
    count = async () => {
      const reader = new Database(file, { readonly: true });
      try {
        return (reader.prepare('SELECT COUNT(*) AS n FROM "Filing"').get() as { n: number }).n;
      } finally {
        reader.close();
      }
    };
  } else {
    const url = postgresDatabaseUrl(postgresServer, `bench_baseline_${port}`);
    await dropPostgresDatabase(url);
    const admin = new pg.Client({ connectionString: postgresDatabaseUrl(url, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "bench_baseline_${port}"`);
    await admin.end();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(TABLE);
    await client.end();
    database = { BASELINE_POSTGRES_URL: url };
    count = async () => {
      const reader = new pg.Client({ connectionString: url });
      await reader.connect();
      try {
        return Number((await reader.query('SELECT COUNT(*) AS n FROM "Filing"')).rows[0].n);
      } finally {
        await reader.end();
      }
    };
  }
  const started = startProcess(
    path.join(STAGE, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: STAGE,
      env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...database },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/static`, started);
  return { ...started, url, count };
}
