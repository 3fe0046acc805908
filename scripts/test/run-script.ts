// A project script run as an operator runs it (`npm run -s <name>`): `tsx <script> <args>` in a process of
// its own, from the repository's root, answered with its exit code and what it printed. For the tests of
// the CLIs in scripts/.
import { execFile } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export interface ScriptRun {
  /** The exit code; -1 when the process ended without one (killed by a signal). */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `script` (a path from the repository's root) with `args`, in this process's environment plus `env`. */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(tsx, [script, ...args], { cwd: root, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
