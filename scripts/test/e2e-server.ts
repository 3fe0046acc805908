// The portal as the e2e tests see it: `npm start` on a database of its own that
// starts empty every run, with mail going to the SMTP sink.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { E2E_PORT, SINK_SMTP_PORT } from "../../e2e/support/environment";
import { dropPostgresDatabase } from "./postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const workDir = path.join(root, ".test-artifacts/e2e");
const databaseUrl = process.env.E2E_DATABASE_URL ?? `file:${path.join(workDir, "portal.db")}`;

fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });
if (!databaseUrl.startsWith("file:")) await dropPostgresDatabase(databaseUrl);

Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  DATA_DIR: path.join(workDir, "data"),
  HOST: "127.0.0.1",
  PORT: String(E2E_PORT),
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(SINK_SMTP_PORT),
  SMTP_SECURE: "none",
  SEED_DEMO_DATA: "true",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});

await import("../start");
