// Derives one Prisma schema per database engine from prisma/models.prisma. Prisma allows a single
// datasource provider per schema, and a client generated for SQLite refuses the PostgreSQL adapter,
// so each engine gets its own schema, migrations folder and generated client; the models stay in
// one file so the two cannot drift apart.
//   tsx scripts/db/schemas.ts            write both schemas
//   tsx scripts/db/schemas.ts --check    exit 1 if a committed schema is stale (CI)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FLAVORS = ["sqlite", "postgres"] as const;
export type Flavor = (typeof FLAVORS)[number];

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DEFAULT_PRISMA_DIR = path.join(ROOT, "prisma");

const PROVIDER: Record<Flavor, string> = { sqlite: "sqlite", postgres: "postgresql" };

export const schemaPathOf = (flavor: Flavor, prismaDir = DEFAULT_PRISMA_DIR): string =>
  path.join(prismaDir, flavor, "schema.prisma");

export const migrationsDirOf = (flavor: Flavor, prismaDir = DEFAULT_PRISMA_DIR): string =>
  path.join(prismaDir, flavor, "migrations");

// Generator options are spelled out because the prisma-client generator otherwise infers them from
// whichever tsconfig.json it finds, so the output would change whenever someone edits that file
// (with ours, allowImportingTsExtensions, it would emit `./x.ts` imports):
// - moduleFormat esm: the package is "type": "module".
// - importFileExtension ts: the generated files import each other as `./x.ts`. Turbopack (Next 16's
//   default bundler) does not map `./x.js` to `./x.ts` for this output ("Module not found: Can't
//   resolve './internal/prismaNamespace.js'" in `next build`); tsc (allowImportingTsExtensions),
//   tsx and Vitest all accept `.ts` imports.
// - runtime nodejs: better-sqlite3 and pg are Node-only; the client never runs on the edge.
function header(flavor: Flavor): string {
  return `// GENERATED from prisma/models.prisma by npm run db:schemas — do not edit

generator client {
  provider               = "prisma-client"
  output                 = "../../lib/db/generated/${flavor}"
  runtime                = "nodejs"
  moduleFormat           = "esm"
  generatedFileExtension = "ts"
  importFileExtension    = "ts"
}

datasource db {
  provider = "${PROVIDER[flavor]}"
}

`;
}

export function deriveSchema(flavor: Flavor, prismaDir = DEFAULT_PRISMA_DIR): string {
  return header(flavor) + fs.readFileSync(path.join(prismaDir, "models.prisma"), "utf8");
}

/** Writes both derived schemas; returns their paths. */
export function writeSchemas(prismaDir = DEFAULT_PRISMA_DIR): string[] {
  return FLAVORS.map((flavor) => {
    const file = schemaPathOf(flavor, prismaDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, deriveSchema(flavor, prismaDir));
    return file;
  });
}

/** Paths of derived schemas that are missing or differ from what models.prisma gives. */
export function checkSchemas(prismaDir = DEFAULT_PRISMA_DIR): string[] {
  return FLAVORS.flatMap((flavor) => {
    const file = schemaPathOf(flavor, prismaDir);
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    return current === deriveSchema(flavor, prismaDir) ? [] : [file];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rel = (f: string) => path.relative(process.cwd(), f);
  if (process.argv.includes("--check")) {
    const stale = checkSchemas();
    for (const f of stale) console.error(`${rel(f)} is stale: run npm run db:schemas`);
    process.exitCode = stale.length ? 1 : 0;
  } else {
    for (const f of writeSchemas()) console.log(`Wrote ${rel(f)}`);
  }
}
