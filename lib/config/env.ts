// The only module that reads process.env. Every variable the portal understands is
// declared here with its default, so the demo runs with no .env file at all and a
// bad value stops start-up with one line naming the variable.
import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const databaseUrl = z
  .string()
  .trim()
  .refine((v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
    message: 'must start with "file:" (SQLite) or "postgres://" / "postgresql://" (PostgreSQL)',
  })
  .refine((v) => !/^postgres/.test(v) || URL.canParse(v), { message: "is not a valid PostgreSQL URL", abort: true })
  .refine((v) => !/^postgres/.test(v) || (URL.canParse(v) && new URL(v).pathname.length > 1), {
    message: "must name a database, e.g. postgres://user@host:5432/portal",
  });

const portError = { error: "must be a port number from 1 to 65535" };
const port = z.coerce.number(portError).int(portError).min(1, portError).max(65535, portError);

// Up to a million: a per-IP limit may have to let a large network behind one address through (and the
// benchmarks, whose every post comes from 127.0.0.1, file more than 10 000 a minute).
const attemptsError = { error: "must be a whole number of attempts from 1 to 1000000" };
const attempts = z.coerce.number(attemptsError).int(attemptsError).min(1, attemptsError).max(1_000_000, attemptsError);

// AES-256 needs exactly 32 bytes; base64 so the key fits in an environment variable. The value is a secret:
// errors name the variable and the rule, never the value.
const EXPORT_KEY_RULE = "must be the base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`)";
export const exportKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, EXPORT_KEY_RULE)
  .transform((v) => Buffer.from(v, "base64"))
  .refine((key) => key.length === 32, EXPORT_KEY_RULE);

/**
 * The 32-byte export key held in environment variable `variable` (base64), or undefined when it is unset or
 * empty. For tools that let the operator name the variable (scripts/export-verify.ts `--key-env`).
 * Throws ConfigError naming the variable when the value is no such key.
 */
export function exportKeyFromVariable(variable: string): Buffer | undefined {
  const value = process.env[variable];
  if (value === undefined || value === "") return undefined;
  const result = exportKeySchema.safeParse(value);
  if (!result.success) throw new ConfigError(variable, EXPORT_KEY_RULE);
  return result.data;
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    /** demo: seeds demo data, shows the built-in mailbox when no SMTP is set. production: neither. */
    PORTAL_MODE: z.enum(["demo", "production"]).default("demo"),
    DATABASE_URL: databaseUrl.default("file:./data/portal.db"),
    /** Where generated secrets, uploads and exports live; outside the web root. */
    DATA_DIR: z.string().trim().min(1).default("./data"),
    /** Where the server listens; unset: 127.0.0.1 in demo mode, 0.0.0.0 in production (lib/config/listen-host.ts). */
    HOST: z.string().trim().min(1).optional(),
    PORT: port.default(3000),
    /** The address people reach the portal at; used in links in mails. */
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    /** Generated into DATA_DIR/secrets.json on first start when unset. */
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** How long a sign-in link stays valid. */
    MAGIC_LINK_MAX_AGE_HOURS: z.coerce
      .number({ error: "must be a whole number of hours" })
      .int()
      .min(1)
      .max(168, "must be at most 168 (one week)")
      .default(24),
    SEED_DEMO_DATA: booleanString.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SMTP_HOST: z.string().trim().min(1).optional(),
    SMTP_PORT: port.default(587),
    /** starttls: upgrade a plain connection (port 587); tls: TLS from the start (465); none: local sinks only. */
    SMTP_SECURE: z.enum(["starttls", "tls", "none"]).default("starttls"),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: z.string().trim().min(3).default("Datenschutz-Portal <privacy@localhost>"),
    /** running: the clock never stops; paused_while_awaiting_subject: time waiting for the subject is added back. */
    DEADLINE_CLOCK_POLICY: z.enum(["running", "paused_while_awaiting_subject"]).default("running"),
    /** A request counts as due soon this many days before its deadline. */
    DUE_SOON_DAYS: z.coerce.number({ error: "must be a whole number of days" }).int().min(0).max(60).default(7),
    /** A submitted request that nobody confirms by email expires after this many days. */
    UNVERIFIED_EXPIRY_DAYS: z.coerce
      .number({ error: "must be a whole number of days" })
      .int()
      .min(1)
      .max(90)
      .default(7),
    /** A completed, partially completed or refused case may be reopened this many days after it closed. */
    REOPEN_DAYS: z.coerce.number({ error: "must be a whole number of days" }).int().min(1).max(365).default(30),
    /** Days before a due date on which staff are reminded (comma-separated); daily reminders follow once overdue. */
    REMINDER_DAYS: z
      .string()
      .regex(/^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$/, "must be whole numbers of days separated by commas, e.g. 7,2")
      .default("7,2")
      .transform((v) => [...new Set(v.split(",").map((d) => Number(d.trim())))]),
    /** Audit entries keep the IP address and user agent of who acted this many days, for looking into misuse. */
    AUDIT_CLIENT_RETENTION_DAYS: z.coerce
      .number({ error: "must be a whole number of days" })
      .int()
      .min(1)
      .max(3650)
      .default(30),
    /** Closed requests are reduced to what proves their handling this many years after closing. */
    RETENTION_YEARS: z.coerce.number({ error: "must be a whole number of years" }).int().min(1).max(30).default(3),
    /** Largest file a data subject may attach, in megabytes (next.config.js lets a 25 MB form post through). */
    ATTACHMENT_MAX_MB: z.coerce
      .number({ error: "must be a whole number of megabytes" })
      .int()
      .min(1)
      .max(20, "must be at most 20 (a form post may carry at most 25 MB, see next.config.js)")
      .default(10),
    /** All files the data subject's side has attached to one request, in megabytes (the filing's count too). */
    ATTACHMENT_CASE_MAX_MB: z.coerce
      .number({ error: "must be a whole number of megabytes" })
      .int()
      .min(1)
      .max(10_000)
      .default(100),
    /**
     * Seconds between two looks at the mail outbox by the jobs. A mail queued by this server's own requests is
     * sent at once (the server wakes its jobs process); the poll finds the rest (other instances, retries).
     */
    OUTBOX_POLL_SECONDS: z.coerce
      .number({ error: "must be a whole number of seconds" })
      .int()
      .min(1)
      .max(3600, "must be at most 3600 (one hour)")
      .default(5),
    /** Run the background jobs inside the web server (one machine). Set false where `npm run worker` runs them. */
    JOBS_IN_SERVER: booleanString.default(true),
    /**
     * How many reverse proxies stand between the clients and this server. 0: the client is the socket's peer;
     * N: the address N entries from the right of X-Forwarded-For (each trusted proxy appends one).
     */
    TRUST_PROXY_HOPS: z.coerce.number({ error: "must be a whole number of proxies" }).int().min(0).max(10).default(0),
    /** Abuse limits: how many attempts one IP address or one email address may make per window. */
    RATE_LIMIT_WINDOW_MINUTES: z.coerce
      .number({ error: "must be a whole number of minutes" })
      .int()
      .min(1)
      .max(1440, "must be at most 1440 (one day)")
      .default(60),
    RATE_LIMIT_SUBMISSIONS_PER_IP: attempts.default(10),
    RATE_LIMIT_SUBMISSIONS_PER_EMAIL: attempts.default(5),
    RATE_LIMIT_SIGN_IN_PER_IP: attempts.default(10),
    RATE_LIMIT_SIGN_IN_PER_EMAIL: attempts.default(5),
    /** What one signed-in data subject may send to their cases per window: messages (each alerts the staff), files. */
    RATE_LIMIT_MESSAGES_PER_USER: attempts.default(20),
    RATE_LIMIT_UPLOADS_PER_USER: attempts.default(20),
    /** Wrong second-factor codes one staff member may type per window of its own, before even a right one is refused. */
    RATE_LIMIT_SECOND_FACTOR_PER_USER: attempts.default(5),
    RATE_LIMIT_SECOND_FACTOR_WINDOW_MINUTES: z.coerce
      .number({ error: "must be a whole number of minutes" })
      .int()
      .min(1)
      .max(1440, "must be at most 1440 (one day)")
      .default(15),
    /** How long in-flight requests may take to finish on SIGTERM before the server exits. */
    /**
     * Key that encrypts the data subject's access packages at rest (AES-256-GCM, lib/fulfilment/export/),
     * so a stolen disk or backup gives nothing (Art. 32(1)(a)). Unset: packages are written unencrypted.
     */
    EXPORT_ENCRYPTION_KEY: exportKeySchema.optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int()
      .min(0)
      .max(120_000, "must be at most 120000 (two minutes)")
      .default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.PORTAL_MODE === "production" && !env.PUBLIC_URL) {
      ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "is required when PORTAL_MODE=production" });
    }
    if (env.PORTAL_MODE === "production" && !env.SMTP_HOST) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_HOST"],
        message: "is required when PORTAL_MODE=production (the demo mailbox is for demos only)",
      });
    }
    if (env.SMTP_USER && !env.SMTP_HOST) {
      ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "is required when SMTP_USER is set" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws ConfigError naming the first bad variable (values are never echoed: they may be secrets). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string in a shell export means "unset", not "invalid".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? "environment");
  const detail = issue.code === "invalid_value" || issue.code === "invalid_type" ? describe(issue) : issue.message;
  throw new ConfigError(variable, detail);
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") return `must be one of: ${issue.values.map(String).join(", ")}`;
  return issue.message;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * next-auth 4 learns its own address only from process.env.NEXTAUTH_URL (without it, links point at
 * localhost:3000). The portal derives it from PUBLIC_URL, so it is written here, never set by hand.
 */
export function provideNextAuthUrl(url: string): void {
  process.env.NEXTAUTH_URL = url;
}
