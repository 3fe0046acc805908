// Derives both schemas, then generates one Prisma client per engine into lib/db/generated/<flavor>.
// Runs as postinstall, so it must work on a fresh `npm ci` without network access.
//   tsx scripts/db/generate.ts
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FLAVORS, ROOT, schemaPathOf, writeSchemas, type Flavor } from "./schemas";

// The CLI looks for the native schema engine even for `generate`, which never runs it, and tries to
// download it when absent (unreachable offline). Any existing file satisfies the check.
// No prisma.config.ts is needed: with --schema and no config file, Prisma 7 uses its defaults.
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
  CHECKPOINT_DISABLE: "1", // no telemetry/update check: offline it only costs time
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

function generate(flavor: Flavor, quiet: boolean): Promise<void> {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const schema = path.relative(ROOT, schemaPathOf(flavor));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "generate", "--schema", schema], {
      cwd: ROOT,
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    // Quiet callers still need Prisma's explanation when it fails.
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`prisma generate --schema ${schema} failed (${signal ?? `exit ${code}`}) ${output}`.trim())),
    );
  });
}

/** Writes both schemas and generates both clients; `quiet` keeps Prisma's output unless it fails. */
export async function generateClients({ quiet = false } = {}): Promise<void> {
  writeSchemas();
  // Independent outputs; in parallel it takes the time of one.
  await Promise.all(FLAVORS.map((flavor) => generate(flavor, quiet)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await generateClients().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
