// Offline stand-in for `prisma migrate` (see engine.ts for why). The database is DATABASE_URL:
// file:<path> for SQLite (relative to the cwd, as the app opens it) or postgresql://... .
//   tsx scripts/db/migrate.ts dev --name <name> [--create-only] [--force]
//   tsx scripts/db/migrate.ts deploy | status | diff | drift | reset --force
//   tsx scripts/db/migrate.ts resolve --applied <migration> | --rolled-back <migration>
// Exit codes: 0 ok, 1 failure (or: status not up to date, drift found), 2 usage error.
import path from "node:path";
import { parseArgs } from "node:util";
import {
  checkDrift,
  describeError,
  deploy,
  dev,
  diff,
  flavorOf,
  redact,
  reset,
  resolve,
  sqliteFile,
  status,
  type MigrateOptions,
} from "./engine";
import { generateClients } from "./generate";
import { migrationsDirOf, schemaPathOf, writeSchemas } from "./schemas";

const USAGE =
  "usage: tsx scripts/db/migrate.ts dev --name <name> [--create-only] [--force] | deploy | status | diff | drift" +
  " | reset --force | resolve --applied <migration> | resolve --rolled-back <migration>";

class UsageError extends Error {}

/** Flags each command accepts; anything else is a usage error rather than silently ignored. */
const ALLOWED = new Map<string, readonly string[]>([
  ["dev", ["name", "create-only", "force"]],
  ["deploy", []],
  ["status", []],
  ["diff", []],
  ["drift", []],
  ["reset", ["force"]],
  ["resolve", ["applied", "rolled-back"]],
]);

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: "string" },
      "create-only": { type: "boolean" },
      force: { type: "boolean" },
      applied: { type: "string" },
      "rolled-back": { type: "string" },
    },
  });
  const [command, ...extra] = positionals;
  const allowed = command === undefined ? undefined : ALLOWED.get(command);
  if (!command || !allowed) throw new UsageError(`${command ? `unknown command ${command}` : "no command"}; ${USAGE}`);
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  const stray = Object.keys(values).find((k) => !allowed.includes(k));
  if (stray) throw new UsageError(`${command} does not take --${stray}`);
  return { command, values };
}

async function main(argv: string[]): Promise<number> {
  const { command, values } = parse(argv);
  const url = process.env.DATABASE_URL || "file:./data/portal.db";
  const flavor = flavorOf(url);
  const opts: MigrateOptions = {
    url,
    flavor,
    schemaPath: schemaPathOf(flavor),
    migrationsDir: migrationsDirOf(flavor),
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
    log: process.env.DEBUG ? (line) => console.error(line) : undefined,
  };
  const rel = (p: string) => path.relative(process.cwd(), p) || ".";
  const target = flavor === "sqlite" ? rel(sqliteFile(url)) : redact(url);
  const list = (names: string[]) =>
    names.length ? `Applied to ${target}: ${names.join(", ")}` : `No pending migrations for ${target}.`;

  switch (command) {
    case "dev": {
      if (!values.name) throw new UsageError("dev needs --name <name>");
      // An edited models.prisma must not be silently ignored because nobody re-derived the schemas.
      writeSchemas();
      const r = await dev(opts, { name: values.name, createOnly: values["create-only"], force: values.force });
      for (const warning of r.warnings) console.warn(`Warning: ${warning}`);
      if (r.created) console.log(`Created ${rel(path.join(opts.migrationsDir, r.created))}/migration.sql`);
      else console.log("Schema and migrations already in sync.");
      console.log(list(r.applied));
      // As `prisma migrate dev` does: the client must match the schema just migrated to.
      await generateClients({ quiet: true });
      console.log("Generated the Prisma clients in lib/db/generated.");
      return 0;
    }
    case "deploy":
      console.log(list(await deploy(opts)));
      return 0;
    case "status": {
      const s = await status(opts);
      const d = s.diagnostic;
      console.log(`${s.migrations.length} migrations in ${rel(opts.migrationsDir)}; database ${target}`);
      if (d.failedMigrationNames.length) console.log(`Failed: ${d.failedMigrationNames.join(", ")}`);
      if (d.editedMigrationNames.length)
        console.log(`Edited after being applied: ${d.editedMigrationNames.join(", ")}`);
      const h = d.history;
      if (h?.diagnostic === "databaseIsBehind") console.log(`Not yet applied: ${h.unappliedMigrationNames.join(", ")}`);
      else if (h?.diagnostic === "migrationsDirectoryIsBehind")
        console.log(`Applied but missing from the folder: ${h.unpersistedMigrationNames.join(", ")}`);
      else if (h?.diagnostic === "historiesDiverge")
        console.log(
          `Histories diverge after ${h.lastCommonMigrationName ?? "(start)"}: ` +
            `not applied ${h.unappliedMigrationNames.join(", ") || "-"}; not in folder ${h.unpersistedMigrationNames.join(", ") || "-"}`,
        );
      console.log(s.upToDate ? "Database schema is up to date." : "Database schema is NOT up to date.");
      return s.upToDate ? 0 : 1;
    }
    case "diff":
      process.stdout.write(await diff(opts));
      return 0;
    case "drift": {
      const r = await checkDrift(opts);
      if (!r.drift) {
        console.log(`No drift: ${rel(opts.migrationsDir)} reproduces ${rel(opts.schemaPath)}.`);
        return 0;
      }
      process.stdout.write(r.sql);
      console.error(
        `Drift: ${rel(opts.schemaPath)} has changes no migration captures (SQL above); run npm run db:migrate -- dev --name <name>`,
      );
      return 1;
    }
    case "reset":
      if (!values.force) throw new UsageError("reset drops all data; pass --force");
      console.log(list(await reset(opts)));
      return 0;
    case "resolve": {
      const { applied, "rolled-back": rolledBack } = values;
      if (Boolean(applied) === Boolean(rolledBack))
        throw new UsageError("resolve needs exactly one of --applied <migration>, --rolled-back <migration>");
      if (applied) await resolve(opts, { applied });
      else if (rolledBack) await resolve(opts, { rolledBack });
      console.log(applied ? `Marked ${applied} as applied.` : `Marked ${rolledBack} as rolled back.`);
      return 0;
    }
  }
  throw new UsageError(`unknown command ${command}`);
}

const isUsageError = (e: unknown) =>
  e instanceof UsageError || String((e as { code?: unknown } | null)?.code).startsWith("ERR_PARSE_ARGS");

// Quirk 8: the wasm engine leaves timers behind (its lock timeouts: 10 s after a PostgreSQL
// deploy, 60 s after a SQLite dev) that keep the process alive once the work is done: exit
// explicitly, in every outcome.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`error: ${describeError(e)}`);
    process.exit(isUsageError(e) ? 2 : 1);
  },
);
