// The portal's settings as the code uses them: the validated environment plus the
// values derived from it (absolute paths, defaults that depend on other settings).
import path from "node:path";
import type { DeadlinePolicy } from "../deadlines";
import { controllerHolidayRegion, controllerTimeZone } from "../privacy/controller-settings";
import type { RateLimitSettings } from "../security/rate-limit-settings";
import { env, type Env } from "./env";
import { listenHost } from "./listen-host";
import { loadOrCreateSecrets } from "./secrets";

export type DatabaseFlavor = "sqlite" | "postgres";

export interface AppConfig {
  env: Env;
  mode: Env["PORTAL_MODE"];
  databaseUrl: string;
  databaseFlavor: DatabaseFlavor;
  dataDir: string;
  publicUrl: string;
  /** The interface the server listens on (HOST, else by mode: lib/config/listen-host.ts). */
  host: string;
  nextauthSecret: string;
  magicLinkMaxAgeHours: number;
  seedDemoData: boolean;
  /** Strict-Transport-Security is only safe to send where the portal is served over HTTPS for good. */
  hsts: boolean;
  smtpConfigured: boolean;
  /** How the controller counts deadlines (Art. 12(3), Reg. 1182/71). */
  deadlinePolicy: DeadlinePolicy;
  unverifiedExpiryDays: number;
  /** How long after closing a case may be reopened (REOPEN_DAYS). */
  reopenDays: number;
  /** Where attachment files live: inside DATA_DIR, outside the web root. */
  attachmentsDir: string;
  attachmentMaxBytes: number;
  /** Where the data subject's access packages are written (lib/fulfilment/export/): inside DATA_DIR. */
  exportsDir: string;
  /** 32-byte AES-256-GCM key for access packages at rest (EXPORT_ENCRYPTION_KEY); undefined: unencrypted. */
  exportEncryptionKey: Buffer | undefined;
  /** All files the subject's side may attach to one request (ATTACHMENT_CASE_MAX_MB). */
  attachmentCaseMaxBytes: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted (scripts/server/client-address.ts). */
  trustProxyHops: number;
  rateLimits: RateLimitSettings;
}

export function databaseFlavor(url: string): DatabaseFlavor {
  return url.startsWith("file:") ? "sqlite" : "postgres";
}

let cached: AppConfig | undefined;

export function appConfig(): AppConfig {
  if (cached) return cached;
  const e = env();
  const dataDir = path.resolve(e.DATA_DIR);
  const production = e.PORTAL_MODE === "production";
  cached = {
    env: e,
    mode: e.PORTAL_MODE,
    databaseUrl: e.DATABASE_URL,
    databaseFlavor: databaseFlavor(e.DATABASE_URL),
    dataDir,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    host: listenHost(e),
    nextauthSecret: e.NEXTAUTH_SECRET ?? loadOrCreateSecrets(dataDir).nextauthSecret,
    magicLinkMaxAgeHours: e.MAGIC_LINK_MAX_AGE_HOURS,
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    hsts: production,
    smtpConfigured: Boolean(e.SMTP_HOST),
    deadlinePolicy: {
      // Facts of the controller's seat, from its privacy statement (content/controller.ts, validated there).
      timeZone: controllerTimeZone(),
      region: controllerHolidayRegion(),
      clockPolicy: e.DEADLINE_CLOCK_POLICY,
      dueSoonDays: e.DUE_SOON_DAYS,
    },
    unverifiedExpiryDays: e.UNVERIFIED_EXPIRY_DAYS,
    reopenDays: e.REOPEN_DAYS,
    attachmentsDir: path.join(dataDir, "attachments"),
    attachmentMaxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024,
    exportsDir: path.join(dataDir, "exports"),
    exportEncryptionKey: e.EXPORT_ENCRYPTION_KEY,
    attachmentCaseMaxBytes: e.ATTACHMENT_CASE_MAX_MB * 1024 * 1024,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    rateLimits: {
      windowSeconds: e.RATE_LIMIT_WINDOW_MINUTES * 60,
      points: {
        submission_ip: e.RATE_LIMIT_SUBMISSIONS_PER_IP,
        submission_email: e.RATE_LIMIT_SUBMISSIONS_PER_EMAIL,
        sign_in_ip: e.RATE_LIMIT_SIGN_IN_PER_IP,
        sign_in_email: e.RATE_LIMIT_SIGN_IN_PER_EMAIL,
        message_user: e.RATE_LIMIT_MESSAGES_PER_USER,
        upload_user: e.RATE_LIMIT_UPLOADS_PER_USER,
        second_factor_user: e.RATE_LIMIT_SECOND_FACTOR_PER_USER,
      },
      windowSecondsByLimit: { second_factor_user: e.RATE_LIMIT_SECOND_FACTOR_WINDOW_MINUTES * 60 },
    },
  };
  return cached;
}
