// `npm run -s totp -- dpo@demo.example`: the current TOTP code of a demo staff member, so a newcomer
// signs in to the demo's back office in under a minute. Demo mode only: the demo staff's secrets are
// derived from NEXTAUTH_SECRET (lib/backoffice/second-factor/demo-secret.ts), which a production
// portal must never make a way to codes. Prints the 6 digits alone on stdout.
// Exit codes: 0 the code; 1 no code for that address (unknown, not staff, not enrolled, enrolled with
// another secret); 2 cannot answer at all (not demo mode, no address given, bad configuration, no database).
import { demoCode } from "../lib/backoffice/second-factor/demo-code";
import { secondFactorKeys } from "../lib/backoffice/second-factor/second-factor-keys";
import { appConfig } from "../lib/config/app-config";
import { ConfigError } from "../lib/config/env";
import { createDb } from "../lib/db/client";
import { canonicalEmail } from "../lib/input/email-address";

const USAGE = "usage: npm run -s totp -- <address of a demo staff member>, e.g. dpo@demo.example";

const WHY_NOT = {
  not_staff: "is no staff account in this portal's database",
  not_enrolled: "has no TOTP enrolment (the demo staff are enrolled when the demo data are seeded)",
  not_demo_secret:
    "is not enrolled with the demo secret (enrolled with their own authenticator app, or NEXTAUTH_SECRET changed since seeding)",
} as const;

class Refusal extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

async function main(argv: string[]): Promise<number> {
  const config = appConfig();
  if (config.mode !== "demo") {
    throw new Refusal(
      `PORTAL_MODE is ${config.mode}: codes are printed only in demo mode; a staff member's code comes from their authenticator app`,
      2,
    );
  }
  if (argv.length !== 1) throw new Refusal(USAGE, 2);
  const address = canonicalEmail(argv[0]!);
  if (!address.ok) throw new Refusal(`${JSON.stringify(argv[0])} is not an e-mail address; ${USAGE}`, 1);
  const db = createDb(config.databaseUrl);
  try {
    const result = await demoCode(db, address.address, secondFactorKeys(config.nextauthSecret), new Date());
    if (!result.ok) throw new Refusal(`${address.address} ${WHY_NOT[result.reason]}`, 1);
    process.stdout.write(`${result.code}\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof Refusal || error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? error.message.split("\n")[0]
          : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(error instanceof Refusal ? error.exitCode : 2);
  },
);
