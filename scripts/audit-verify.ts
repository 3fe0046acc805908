// `npm run -s audit:verify`: recomputes every audit chain of the configured database
// (DATABASE_URL). Exit 0 when all hold; exit 1 naming the first broken entry;
// exit 2 when it cannot check at all (bad configuration, database unreachable).
import { appConfig } from "../lib/config/app-config";
import { ConfigError } from "../lib/config/env";
import { createDb } from "../lib/db/client";
import { verifyAuditChains } from "../lib/audit/verify-audit-chains";

async function main(): Promise<number> {
  const config = appConfig();
  const db = createDb(config.databaseUrl);
  try {
    const report = await verifyAuditChains(db, { clientRetentionDays: config.env.AUDIT_CLIENT_RETENTION_DAYS });
    if (report.broken) {
      const { chain, seq, entryId, reason } = report.broken;
      process.stderr.write(
        `audit chain broken: chain ${chain}, entry #${seq}${entryId ? ` (id ${entryId})` : ""}: ${reason}\n`,
      );
      return 1;
    }
    process.stdout.write(`audit log intact: ${report.entries} entries in ${report.chains} chains verified\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? error.message.split("\n")[0]
          : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(2);
  },
);
