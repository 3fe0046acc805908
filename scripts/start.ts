// `npm start` (and `npm run dev` with --dev): check the configuration and the privacy
// statement's content, create and migrate the database, seed the demo once, build if needed, then serve.
// Every failure before serving is one line on stderr and exit code 1.
import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { appConfig } from "../lib/config/app-config";
import { ConfigError } from "../lib/config/env";
import { isLoopbackHost } from "../lib/config/listen-host";
import { onMailQueued } from "../lib/mail/outbox/mail-queued-signal";
import { policyOptions } from "../lib/security/csp";
import { ensurePrivateSqliteFile, ensurePrivateTree } from "../lib/security/private-files";
import { DEMO_SEEDED_KEY, demoAccounts, demoSubjects } from "../prisma/demo-people";
import { readDatabaseState } from "./db/database-state";
import { sqliteFile } from "./db/engine";
import { migrationsDirOf } from "./db/schemas";
import { build, buildIsCurrent, checkContent } from "./server/build-if-needed";
import { startJobsProcess, type JobsProcess } from "./server/jobs-process";
import { serve } from "./server/serve";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  process.chdir(root);
  const config = appConfig();
  // Before anything is written there: also tightens what an older installation left readable.
  ensurePrivateTree(config.dataDir);
  // A current build was made from the same content, and the build checks the content first
  // (scripts/server/build-if-needed.ts): only a start that builds, or a dev start, checks it here.
  const buildCurrent = !dev && buildIsCurrent(root);
  if (!buildCurrent) checkContent(root, "invalid content:");

  say(`Preparing the ${config.databaseFlavor === "sqlite" ? "SQLite" : "PostgreSQL"} database…`);
  // Made or tightened before anything opens it, whatever the umask: it holds personal data.
  if (config.databaseFlavor === "sqlite") ensurePrivateSqliteFile(sqliteFile(config.databaseUrl));
  // Read with one plain query; the migration engine and the workflow (for seeding) load only when needed.
  const state = await readDatabaseState(config.databaseUrl, migrationsDirOf(config.databaseFlavor), DEMO_SEEDED_KEY);
  if (!state.migrationsCurrent) {
    const { prepareDatabase } = await import("./db/prepare-database");
    const applied = await prepareDatabase(config.databaseUrl);
    if (applied.length) say(`Applied migrations: ${applied.join(", ")}`);
  }
  const seeded = config.seedDemoData && !state.demoSeeded ? await seedDemo(config) : false;
  if (!dev && !buildCurrent) build(root, say);

  const { PORT, SHUTDOWN_TIMEOUT_MS, JOBS_IN_SERVER } = config.env;
  let jobs: JobsProcess | undefined;
  await serve({
    root,
    host: config.host,
    port: PORT,
    dev,
    policy: policyOptions(config.env),
    shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS,
    trustProxyHops: config.trustProxyHops,
    beforeClose: async () => jobs?.stop(),
  });
  if (JOBS_IN_SERVER) {
    const started = startJobsProcess(root);
    onMailQueued(() => started.deliverMailSoon());
    jobs = started;
  }

  say("");
  say(`  Privacy portal ready: ${config.publicUrl}`);
  say(`  Listening on ${isIP(config.host) === 6 ? `[${config.host}]` : config.host}:${PORT}`);
  say(`  Mode: ${config.mode}${dev ? " (development)" : ""} · database: ${config.databaseFlavor}`);
  if (config.seedDemoData) {
    say(`  Demo data ${seeded ? "seeded now" : "already present"}.`);
    say(`  Staff logins (sign in at ${config.publicUrl}/en/sign-in by e-mail link, then a 6-digit code):`);
    for (const account of demoAccounts) say(`    ${account.email.padEnd(24)} ${account.label} (${account.role})`);
    say(`  The current code of a demo staff account: npm run -s totp -- ${demoAccounts[0].email}`);
    say(`  Demo data subjects (sign in at ${config.publicUrl}/de/sign-in to see their requests):`);
    for (const subject of demoSubjects) say(`    ${subject.name.padEnd(24)} ${subject.email}`);
  }
  say(
    config.smtpConfigured
      ? `  Mail: SMTP ${config.env.SMTP_HOST}:${config.env.SMTP_PORT}`
      : `  Mail: no SMTP configured, so mails go to the built-in mailbox: ${config.publicUrl}/de/demo-mailbox`,
  );
  // The same condition as lib/mail/demo-mailbox.ts (which only server components may import).
  if (config.mode === "demo" && !config.smtpConfigured && !isLoopbackHost(config.host)) {
    say(
      `  Warning: HOST=${config.host} is not a loopback address: the demo mailbox shows every mail, sign-in links included, to anyone who can reach this server.`,
    );
  }
  say(
    `  Background jobs: ${JOBS_IN_SERVER ? "run by this server (a worker child process)" : "off here (run npm run worker)"}`,
  );
  say("  Stop with Ctrl+C.");
  say("");
}

/** Seeds the demo data (prisma/seed.ts); false if another start got there first. */
async function seedDemo(config: ReturnType<typeof appConfig>): Promise<boolean> {
  const [{ db }, { requestSettingsFromConfig }, { seedDemoData }, { secondFactorKeys }] = await Promise.all([
    import("../lib/db/client"),
    import("../lib/requests/settings-from-config"),
    import("../prisma/seed"),
    import("../lib/backoffice/second-factor/second-factor-keys"),
  ]);
  // Demo staff are enrolled in the second factor with secrets derived from NEXTAUTH_SECRET: only in demo mode.
  const demoSecondFactor = config.mode === "demo" ? secondFactorKeys(config.nextauthSecret) : undefined;
  return seedDemoData(db(), requestSettingsFromConfig(config), new Date(), demoSecondFactor);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `Start failed: ${oneLine(error)}`;
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
});

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "unknown error"
  );
}
