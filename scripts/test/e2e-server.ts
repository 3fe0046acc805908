// The portal as the e2e tests see it: `npm start` on a database of its own that
// starts empty every run. Three variants run side by side:
//   (default)     mail goes to the SMTP sink; SQLite, or PostgreSQL when E2E_DATABASE_URL says so
//   --demo        the demo as `npm start` gives it: no SMTP, so mail goes to the built-in mailbox
//   --production  PORTAL_MODE=production with an https PUBLIC_URL, reached through the TLS proxy
//                 (scripts/test/tls-proxy.ts): secure cookies as a real deployment has them
// Its output (JSON log lines and whatever Next.js prints) is also kept in portal.log in its folder,
// for specs that check the log (E2E_LOG_FILE).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  E2E_DATABASE_URL,
  E2E_DEMO_PORT,
  E2E_PORT,
  E2E_PRODUCTION_PORT,
  E2E_PRODUCTION_PUBLIC_URL,
  E2E_RATE_LIMITS,
  E2E_WORK_DIR,
  SINK_SMTP_PORT,
} from "../../e2e/support/environment";
import { npmStartCommand } from "./npm-start";
import { dropPostgresDatabase, postgresDatabaseUrl } from "./postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const variant = process.argv.includes("--demo")
  ? "demo"
  : process.argv.includes("--production")
    ? "production"
    : "main";
const workDir = {
  main: E2E_WORK_DIR,
  demo: path.join(root, ".test-artifacts/e2e-demo"),
  production: path.join(root, ".test-artifacts/e2e-production"),
}[variant];
const databaseUrl =
  variant === "demo"
    ? `file:${path.join(workDir, "portal.db")}`
    : variant === "production"
      ? E2E_DATABASE_URL.startsWith("file:")
        ? `file:${path.join(workDir, "portal.db")}`
        : postgresDatabaseUrl(E2E_DATABASE_URL, `${new URL(E2E_DATABASE_URL).pathname.slice(1)}_production`)
      : E2E_DATABASE_URL;

fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });
if (!databaseUrl.startsWith("file:")) await dropPostgresDatabase(databaseUrl);

const mail =
  variant === "demo"
    ? { SMTP_HOST: "" }
    : { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(SINK_SMTP_PORT), SMTP_SECURE: "none" };
const port = { main: E2E_PORT, demo: E2E_DEMO_PORT, production: E2E_PRODUCTION_PORT }[variant];

Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  DATA_DIR: path.join(workDir, "data"),
  HOST: "127.0.0.1",
  PORT: String(port),
  PUBLIC_URL: variant === "production" ? E2E_PRODUCTION_PUBLIC_URL : `http://127.0.0.1:${port}`,
  ...(variant === "production" ? { PORTAL_MODE: "production" } : {}),
  ...mail,
  ...E2E_RATE_LIMITS,
  SEED_DEMO_DATA: "true",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});

// A child process, so that its output can be teed: the logger writes straight to file descriptor 1.
const log = fs.createWriteStream(path.join(workDir, "portal.log"));
// As `npm start` runs it (package.json), with its Node flags.
const [node, ...startArgs] = npmStartCommand(root);
const portal = spawn(node, startArgs, {
  cwd: root,
  env: process.env,
  stdio: ["ignore", "pipe", "pipe"],
});
for (const [from, to] of [
  [portal.stdout, process.stdout],
  [portal.stderr, process.stderr],
] as const) {
  from.on("data", (chunk: Buffer) => {
    to.write(chunk);
    log.write(chunk);
  });
}
// Playwright signals the whole process group, the portal included: wait for it to finish shutting down.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => {});
portal.on("exit", (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
