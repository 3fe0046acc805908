// `npm start` must work straight after `npm ci`: build the app when there is no
// build yet or the sources changed since the last one, and skip it otherwise.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "content",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];
const IGNORED = new Set(["generated", "node_modules", ".next"]);
const STAMP = ".next/portal-source-hash";

const FILE_HASHES = ".next/portal-source-files.json";

/** A file's content hash, remembered with what identifies that content without reading it. */
interface KnownFile {
  size: number;
  mtimeMs: number;
  hash: string;
}

function listTree(root: string, entry: string, files: string[]): void {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const child of fs.readdirSync(full).sort()) {
      if (!IGNORED.has(child)) listTree(root, path.join(entry, child), files);
    }
  } else {
    files.push(entry);
  }
}

function readKnown(root: string): Record<string, KnownFile> {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, FILE_HASHES), "utf8")) as Record<string, KnownFile>;
  } catch {
    return {};
  }
}

/**
 * SHA-256 (hex) over the path and content of every source file the build depends on. A file whose
 * size and modification time are those recorded at the last call is not read again (its recorded
 * hash is used), so a start with unchanged sources only lists and stats them.
 */
export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const entry of SOURCES) listTree(root, entry, files);
  const known = readKnown(root);
  const now: Record<string, KnownFile> = {};
  const hash = createHash("sha256");
  let changed = files.length !== Object.keys(known).length;
  for (const entry of files) {
    const stat = fs.statSync(path.join(root, entry));
    const before = known[entry];
    const same = before !== undefined && before.size === stat.size && before.mtimeMs === stat.mtimeMs;
    const fileHash = same
      ? before.hash
      : createHash("sha256")
          .update(fs.readFileSync(path.join(root, entry)))
          .digest("hex");
    if (!same) changed = true;
    now[entry] = { size: stat.size, mtimeMs: stat.mtimeMs, hash: fileHash };
    hash.update(entry).update("\0").update(fileHash).update("\0");
  }
  // Only beside a build (.next exists): the record is a cache of that build's folder.
  if (changed && fs.existsSync(path.join(root, ".next"))) {
    // Written whole, then renamed: a start reading it meanwhile sees the old record or the new one.
    const temporary = path.join(root, `${FILE_HASHES}.${process.pid}`);
    fs.writeFileSync(temporary, JSON.stringify(now));
    fs.renameSync(temporary, path.join(root, FILE_HASHES));
  }
  return hash.digest("hex");
}

export function buildIsCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP);
  return (
    fs.existsSync(path.join(root, ".next/BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === sourceHash(root)
  );
}

/**
 * Validates the privacy statement's content (scripts/content-check.ts) and throws "<what> <first problem>
 * (and N more …)" if it is invalid. In a child process under tsx: the check imports content/*.ts files by
 * their path, which the compiled start script (scripts/launch.mjs) cannot do without a TypeScript loader.
 */
export function checkContent(root: string, what = "the content check failed:"): void {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/content-check.ts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (result.status === 0) return;
  const lines = (result.stderr || `exit code ${result.status ?? result.signal}`).trim().split("\n");
  process.stderr.write(`${lines.join("\n")}\n`);
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more, above)` : "";
  throw new Error(`${what} ${lines[0]}${more}`);
}

/** Builds with `next build` unless the current build matches the sources (after the content check).
 *  Returns whether it built. */
export function buildIfNeeded(root: string, log: (line: string) => void): boolean {
  if (buildIsCurrent(root)) return false;
  checkContent(root);
  build(root, log);
  return true;
}

/** Runs `next build` and stamps the result with the sources' hash (callers check the content first). */
export function build(root: string, log: (line: string) => void): void {
  log("Building the portal (about a minute on the first start)…");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit code ${result.status ?? result.signal})`);
  fs.writeFileSync(path.join(root, STAMP), sourceHash(root));
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
