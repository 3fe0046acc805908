// The portal's settings as the code uses them: the validated environment plus the
// values derived from it (absolute paths, defaults that depend on other settings).
import path from "node:path";
import { regionProblem, timeZoneProblem, type DeadlinePolicy } from "../deadlines";
import { ConfigError, env, type Env } from "./env";
import { loadOrCreateSecrets } from "./secrets";

export type DatabaseFlavor = "sqlite" | "postgres";

export interface AppConfig {
  env: Env;
  mode: Env["PORTAL_MODE"];
  databaseUrl: string;
  databaseFlavor: DatabaseFlavor;
  dataDir: string;
  publicUrl: string;
  nextauthSecret: string;
  seedDemoData: boolean;
  /** Strict-Transport-Security is only safe to send where the portal is served over HTTPS for good. */
  hsts: boolean;
  smtpConfigured: boolean;
  /** How the controller counts deadlines (Art. 12(3), Reg. 1182/71). */
  deadlinePolicy: DeadlinePolicy;
  unverifiedExpiryDays: number;
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
  // Checked here rather than in env.ts: the holiday data are too heavy for the request proxy that loads env.ts.
  const zoneProblem = timeZoneProblem(e.CONTROLLER_TIME_ZONE);
  if (zoneProblem) throw new ConfigError("CONTROLLER_TIME_ZONE", `is invalid: ${zoneProblem}`);
  const holidayProblem = regionProblem(e.HOLIDAY_REGION);
  if (holidayProblem) throw new ConfigError("HOLIDAY_REGION", `is invalid: ${holidayProblem}`);
  cached = {
    env: e,
    mode: e.PORTAL_MODE,
    databaseUrl: e.DATABASE_URL,
    databaseFlavor: databaseFlavor(e.DATABASE_URL),
    dataDir,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    nextauthSecret: e.NEXTAUTH_SECRET ?? loadOrCreateSecrets(dataDir).nextauthSecret,
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    hsts: production,
    smtpConfigured: Boolean(e.SMTP_HOST),
    deadlinePolicy: {
      timeZone: e.CONTROLLER_TIME_ZONE,
      region: e.HOLIDAY_REGION.toUpperCase(),
      clockPolicy: e.DEADLINE_CLOCK_POLICY,
      dueSoonDays: e.DUE_SOON_DAYS,
    },
    unverifiedExpiryDays: e.UNVERIFIED_EXPIRY_DAYS,
  };
  return cached;
}
