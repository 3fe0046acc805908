// `npm run -s demo-platform:generate -- --email X --usage-events N`: adds N usage events for the demo
// platform user X (created with a benchmark account if missing) in the configured database (DATABASE_URL),
// for the export benchmark. Prints one JSON line (user id, rows inserted, seconds). Exit 2 on bad arguments,
// configuration or database errors.
import { parseArgs } from "node:util";
import { appConfig } from "../../lib/config/app-config";
import { ConfigError } from "../../lib/config/env";
import { createDb } from "../../lib/db/client";
import { generateUsageEvents } from "../../lib/fulfilment/demo-platform/generate-usage-events";
import { canonicalEmail } from "../../lib/input/email-address";

class UsageError extends Error {}

function parse(argv: string[]): { email: string; count: number } {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, "usage-events": { type: "string" } },
    strict: true,
  });
  const email = canonicalEmail(values.email ?? "");
  if (!email.ok) throw new UsageError(`--email ${JSON.stringify(values.email ?? "")} is not an e-mail address`);
  const raw = values["usage-events"] ?? "";
  if (!/^\d{1,9}$/.test(raw)) throw new UsageError(`--usage-events ${JSON.stringify(raw)} is not a whole number ≥ 0`);
  return { email: email.address, count: Number(raw) };
}

async function main(): Promise<number> {
  const { email, count } = parse(process.argv.slice(2));
  const db = createDb(appConfig().databaseUrl);
  try {
    const started = performance.now();
    const result = await generateUsageEvents(db, { email, count });
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    process.stdout.write(`${JSON.stringify({ ...result, email, seconds })}\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError || error instanceof UsageError
        ? error.message
        : error instanceof Error
          ? error.message.split("\n")[0]
          : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(2);
  },
);
