// The command line `npm start` runs (package.json's "start" script), for the tests and the e2e portal
// that start the server themselves: the Node flags that size the server's heap belong to it, so a
// portal started there runs as an operator's does.
import fs from "node:fs";
import path from "node:path";

/**
 * `[this node, ...flags, "scripts/launch.mjs", "start"]`, relative to `root` (spawn it with cwd `root`).
 * Throws when the start script is not one plain `node …` command.
 */
export function npmStartCommand(root: string): [string, ...string[]] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.trim().split(/\s+/);
  if (command !== "node" || !args.includes("scripts/launch.mjs"))
    throw new Error(`package.json's start script is not "node … scripts/launch.mjs start": ${manifest.scripts.start}`);
  return [process.execPath, ...args];
}
