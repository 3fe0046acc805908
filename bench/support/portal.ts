// The portal under measurement, started as `npm start` starts it (scripts/start.ts), on a database of
// its own: a fresh SQLite file, or a fresh PostgreSQL database. Demo mode, so the confirmation mails
// go to the built-in mailbox (no SMTP server to wait for); abuse limits per IP out of the way, since
// every post comes from 127.0.0.1 (each post uses a new address, so the per-address ones never bite).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropPostgresDatabase, postgresDatabaseUrl } from "../../scripts/test/postgres";
import type { Flavor } from "./options";
import { matchesInTree, startProcess, waitForUrl, type Started } from "./processes";

export const root = path.resolve(import.meta.dirname, "../..");

export interface Portal extends Started {
  url: string;
  databaseUrl: string;
  /** The Node process that serves HTTP (not npm, tsx's launcher or the jobs worker). */
  serverPid: () => number | null;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  startMs: number;
}

export interface PortalSetup {
  flavor: Flavor;
  port: number;
  postgresServer: string;
  /** Reuse this folder (and its SQLite file) instead of a fresh one. */
  dataDir?: string;
  /** Keep the PostgreSQL database from an earlier start (start benchmark). */
  keepDatabase?: boolean;
  extraEnv?: Record<string, string>;
}

export function databaseUrlFor(setup: PortalSetup, dataDir: string): string {
  return setup.flavor === "sqlite"
    ? `file:${path.join(dataDir, "portal.db")}`
    : postgresDatabaseUrl(setup.postgresServer, `portal_bench_${setup.port}`);
}

export async function startPortal(setup: PortalSetup): Promise<Portal> {
  const dataDir = setup.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "dsr-bench-"));
  const databaseUrl = databaseUrlFor(setup, dataDir);
  if (setup.flavor === "postgres" && !setup.keepDatabase) await dropPostgresDatabase(databaseUrl);
  const url = `http://127.0.0.1:${setup.port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: String(setup.port),
    PUBLIC_URL: url,
    LOG_LEVEL: "warn",
    // The highest the configuration allows, per the shortest window: a million a minute is far above what
    // this machine files (a few hundred a second), so a long run (memory: 5 minutes) files every post.
    RATE_LIMIT_WINDOW_MINUTES: "1",
    RATE_LIMIT_SUBMISSIONS_PER_IP: "1000000",
    RATE_LIMIT_SIGN_IN_PER_IP: "1000000",
    ...setup.extraEnv,
  };
  const started = startProcess("npm", ["start", "--silent"], { cwd: root, env });
  const startMs = await waitForUrl(`${url}/api/health`, started);
  return {
    ...started,
    url,
    databaseUrl,
    startMs,
    // npm runs `node scripts/launch.mjs start` (package.json), which serves in its own process.
    serverPid: () => matchesInTree(started.child.pid!, /scripts\/launch\.mjs start/).at(-1) ?? null,
  };
}
