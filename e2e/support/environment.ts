// Ports and paths shared by the e2e config, its servers and its tests. The ports can
// be moved (E2E_PORT, SINK_SMTP_PORT, SINK_HTTP_PORT) so that two checkouts can run
// their suites side by side on one machine.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM } from "../../scripts/test/chromium";

export { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/test/chromium";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** The demo variant (no SMTP server: the built-in mailbox). */
export const E2E_DEMO_PORT = E2E_PORT + 2;
/** The production variant (PORTAL_MODE=production), plain HTTP on this port… */
export const E2E_PRODUCTION_PORT = E2E_PORT + 4;
/** …reached by the browser through a TLS proxy on this one (scripts/test/tls-proxy.ts). */
export const E2E_TLS_PORT = E2E_PORT + 5;
/** The production portal's public address: a name Chromium maps to 127.0.0.1 (--host-resolver-rules). */
export const E2E_PRODUCTION_HOST = "portal.example";
export const E2E_PRODUCTION_PUBLIC_URL = `https://${E2E_PRODUCTION_HOST}:${E2E_TLS_PORT}`;
export const SINK_SMTP_PORT = Number(process.env.SINK_SMTP_PORT ?? 2525);
export const SINK_HTTP_PORT = Number(process.env.SINK_HTTP_PORT ?? 2526);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The e2e portal's own folder and database (SQLite there, or PostgreSQL when E2E_DATABASE_URL says so). */
export const E2E_WORK_DIR = path.join(root, ".test-artifacts/e2e");
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `file:${path.join(E2E_WORK_DIR, "portal.db")}`;
/** Everything the e2e portal (not the demo variant) wrote to stdout and stderr (scripts/test/e2e-server.ts). */
export const E2E_LOG_FILE = path.join(E2E_WORK_DIR, "portal.log");

if (!fs.existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" (the test suite installs nothing itself).`,
  );
}

/**
 * The abuse limits of the e2e portals (scripts/test/e2e-server.ts). Every spec's browser reaches the portal from
 * 127.0.0.1, so the per-IP limits are out of the way; the per-email ones stay, since specs use addresses of their
 * own, and e2e/rate-limits.spec.ts reaches them from addresses of its own (TRUST_PROXY_HOPS=1 + X-Forwarded-For).
 */
export const E2E_RATE_LIMITS = {
  TRUST_PROXY_HOPS: "1",
  RATE_LIMIT_SUBMISSIONS_PER_IP: "10000",
  RATE_LIMIT_SIGN_IN_PER_IP: "10000",
  RATE_LIMIT_SUBMISSIONS_PER_EMAIL: "20",
  RATE_LIMIT_SIGN_IN_PER_EMAIL: "20",
  // e2e/case-limits.spec.ts writes one more than this; no other spec writes as many as one person.
  RATE_LIMIT_MESSAGES_PER_USER: "5",
} as const;
