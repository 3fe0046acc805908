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

function hashTree(root: string, entry: string, hash: ReturnType<typeof createHash>): void {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(full).sort()) {
      if (!IGNORED.has(child)) hashTree(root, path.join(entry, child), hash);
    }
  } else {
    hash.update(entry).update("\0").update(fs.readFileSync(full)).update("\0");
  }
}

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const entry of SOURCES) hashTree(root, entry, hash);
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

/** The privacy statement's content is validated before every build: a bad file must not ship (scripts/content-check.ts). */
function checkContent(root: string): void {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/content-check.ts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (result.status === 0) return;
  const lines = (result.stderr || `exit code ${result.status ?? result.signal}`).trim().split("\n");
  process.stderr.write(`${lines.join("\n")}\n`);
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more, above)` : "";
  throw new Error(`the content check failed: ${lines[0]}${more}`);
}

/** Builds with `next build` unless the current build matches the sources. Returns whether it built. */
export function buildIfNeeded(root: string, log: (line: string) => void): boolean {
  if (buildIsCurrent(root)) return false;
  checkContent(root);
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
  return true;
}
