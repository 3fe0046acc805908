// `npm start`, `npm run dev` and `npm run worker`: runs scripts/start.ts or scripts/worker.ts compiled
// to plain JavaScript. Under tsx's loader every module the process loads, Next.js's server included,
// is resolved through tsx's hooks; that alone doubled the time to the first answer of a start.
// The compiled files live in node_modules/.cache/dsr-portal (gone with `npm ci`), are remade when a
// source file they came from changed (size or modification time), and are otherwise used as they are.
//   node scripts/launch.mjs start [--dev]   |   node scripts/launch.mjs worker [--once]
// Plain JavaScript on purpose: it runs before anything is compiled.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRIES = { start: "scripts/start.ts", worker: "scripts/worker.ts" };
const CACHE = path.join(ROOT, "node_modules/.cache/dsr-portal");
const CURRENT = path.join(CACHE, "current.json");
/** Folders of earlier compilations are removed once this old: a process started from one may still load its chunks. */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * @typedef {{ size: number, mtimeMs: number }} Seen
 * @typedef {{ root: string, dir: string, inputs: Record<string, Seen> }} Compiled
 */

/** @returns {Compiled | undefined} the current compilation if none of its sources changed since. */
function currentCompilation() {
  let compiled;
  try {
    compiled = /** @type {Compiled} */ (JSON.parse(fs.readFileSync(CURRENT, "utf8")));
  } catch {
    return undefined;
  }
  if (compiled.root !== ROOT || !fs.existsSync(path.join(CACHE, compiled.dir))) return undefined;
  for (const [file, seen] of Object.entries(compiled.inputs)) {
    let stat;
    try {
      stat = fs.statSync(path.join(ROOT, file));
    } catch {
      return undefined;
    }
    if (stat.size !== seen.size || stat.mtimeMs !== seen.mtimeMs) return undefined;
  }
  return compiled;
}

/**
 * esbuild replaces `import.meta.url` by the bundle's own address; our modules (and Prisma's generated
 * client) locate files next to themselves, so each source file gets its own address back.
 * @type {import("esbuild").Plugin}
 */
const ownAddress = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, "utf8");
      if (!source.includes("import.meta")) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const contents = source
        .replaceAll("import.meta.url", url)
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)));
      return { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
    });
  },
};

/** Compiles both entries into a new folder and makes it the current one. @returns {Promise<Compiled>} */
async function compile() {
  const { build } = await import("esbuild");
  const dir = `build-${Date.now()}-${randomUUID().slice(0, 8)}`;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: path.join(CACHE, dir),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Dynamic imports become chunks of their own, loaded (with the packages they import) only when used.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    jsx: "automatic",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    plugins: [ownAddress],
    metafile: true,
    logLevel: "error",
  });
  /** @type {Record<string, Seen>} */
  const inputs = {};
  // The compiler's settings count as sources too: a change to either must give a new compilation.
  for (const file of [...Object.keys(result.metafile.inputs), "tsconfig.json", "scripts/launch.mjs"]) {
    const stat = fs.statSync(path.join(ROOT, file));
    inputs[file] = { size: stat.size, mtimeMs: stat.mtimeMs };
  }
  /** @type {Compiled} */
  const compiled = { root: ROOT, dir, inputs };
  // Written whole, then renamed: starts running side by side (the e2e suite's portals) never read half a file.
  const temporary = `${CURRENT}.${process.pid}`;
  fs.writeFileSync(temporary, JSON.stringify(compiled));
  fs.renameSync(temporary, CURRENT);
  removeStale(dir);
  return compiled;
}

/** @param {string} keep */
function removeStale(keep) {
  for (const entry of fs.readdirSync(CACHE)) {
    const full = path.join(CACHE, entry);
    if (entry === keep || !entry.startsWith("build-")) continue;
    if (Date.now() - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
  }
}

const name = process.argv[2];
if (name !== "start" && name !== "worker") {
  process.stderr.write("usage: node scripts/launch.mjs start|worker [options]\n");
  process.exit(2);
}
const compiled = currentCompilation() ?? (await compile());
// The entry reads its own options from process.argv, as it would when run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(CACHE, compiled.dir, `${name}.mjs`)).href);
