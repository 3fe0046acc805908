// End-to-end tests in Debian's Chromium against the built portal. Playwright starts
// two processes: the real SMTP sink and the portal itself (scripts/test/e2e-server.ts
// gives it a fresh database: SQLite by default, PostgreSQL when E2E_DATABASE_URL says so).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  E2E_DEMO_PORT,
  E2E_PORT,
  E2E_PRODUCTION_PORT,
  E2E_TLS_PORT,
  SINK_HTTP_PORT,
  SINK_SMTP_PORT,
} from "./support/environment";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const artifacts = path.join(root, ".test-artifacts");
const tsx = path.join(root, "node_modules/.bin/tsx");

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: path.join(root, "test-results"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Two workers share two cores with three portals and Chromium: axe and full-page screenshots of the
  // 14,000-pixel statement took 30 s under that load (CI, 2026-11-30). A hang still fails, a minute later.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(artifacts, "playwright.json") }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `${tsx} scripts/test/smtp-sink.ts --smtp-port ${SINK_SMTP_PORT} --http-port ${SINK_HTTP_PORT}`,
      cwd: root,
      url: `http://127.0.0.1:${SINK_HTTP_PORT}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `${tsx} scripts/test/e2e-server.ts`,
      cwd: root,
      url: `http://127.0.0.1:${E2E_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    {
      command: `${tsx} scripts/test/e2e-server.ts --demo`,
      cwd: root,
      url: `http://127.0.0.1:${E2E_DEMO_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    {
      command: `${tsx} scripts/test/e2e-server.ts --production`,
      cwd: root,
      url: `http://127.0.0.1:${E2E_PRODUCTION_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    {
      command: `${tsx} scripts/test/tls-proxy.ts`,
      cwd: root,
      url: `https://127.0.0.1:${E2E_TLS_PORT}/api/health`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 240_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
