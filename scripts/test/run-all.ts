// `npm test`: the whole suite, in order: type check, lint and format, unit and
// integration tests (Vitest, real SQLite and, with TEST_POSTGRES_URL, real
// PostgreSQL), build, end-to-end tests (Playwright in Debian's Chromium).
// A failing step does not hide the others; the last line is "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfNeeded } from "../server/build-if-needed";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = path.join(root, ".test-artifacts");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const CHROMIUM = "/usr/bin/chromium";

interface StepResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
}

const results: StepResult[] = [];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return result.status === 0;
}

function step(name: string, body: () => Omit<StepResult, "name" | "seconds">): void {
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const started = Date.now();
  let outcome: Omit<StepResult, "name" | "seconds">;
  try {
    outcome = body();
  } catch (error) {
    outcome = { passed: 0, failed: 1, skipped: 0, note: error instanceof Error ? error.message : String(error) };
  }
  results.push({ name, seconds: Math.round((Date.now() - started) / 1000), ...outcome });
}

/** A check that either passes or fails as a whole counts as one test. */
const single = (ok: boolean, note?: string) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, note });

function readJson<T>(file: string): T | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as T) : undefined;
}

fs.mkdirSync(artifacts, { recursive: true });

step("Type check", () => single(run(bin("next"), ["typegen"]) && run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"])));

step("Lint and format", () =>
  single(run(bin("eslint"), [".", "--max-warnings=0"]) && run(bin("prettier"), ["--check", ".", "--log-level=warn"])),
);

step("Build", () => {
  buildIfNeeded(root, (line) => process.stdout.write(`${line}\n`));
  return single(true);
});

const unitDatabases = [
  ...(process.env.TEST_SKIP_SQLITE === "true" ? [] : ["SQLite"]),
  ...(process.env.TEST_POSTGRES_URL ? ["PostgreSQL"] : []),
];
step(`Unit and integration tests (${unitDatabases.join(" + ")})`, () => {
  const report = path.join(artifacts, "vitest.json");
  fs.rmSync(report, { force: true });
  const ok = run(bin("vitest"), [
    "run",
    "--config",
    "scripts/test/vitest.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  const json = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(report);
  if (!json) return single(false, "Vitest wrote no report");
  const failed = json.numFailedTests + (ok || json.numFailedTests ? 0 : 1); // a crash outside any test still fails the step
  return { passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests };
});

step("End-to-end tests" + (process.env.E2E_DATABASE_URL ? " (PostgreSQL)" : " (SQLite)"), () => {
  if (!fs.existsSync(CHROMIUM)) {
    return single(false, `Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium"`);
  }
  const report = path.join(artifacts, "playwright.json");
  fs.rmSync(report, { force: true });
  const ok = run(bin("playwright"), ["test", "--config", "e2e/playwright.config.ts"]);
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
  if (!json) return single(false, "Playwright wrote no report");
  const { expected, unexpected, flaky, skipped } = json.stats;
  return { passed: expected, failed: unexpected + flaky + (ok || unexpected ? 0 : 1), skipped };
});

const total = results.reduce(
  (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  {
    passed: 0,
    failed: 0,
    skipped: 0,
  },
);

process.stdout.write("\n━━ Summary ━━\n");
for (const r of results) {
  const mark = r.failed ? "✖" : "✔";
  process.stdout.write(
    `${mark} ${r.name.padEnd(48)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds}s${r.note ? `  — ${r.note}` : ""}\n`,
  );
}
process.stdout.write(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}\n`,
);
process.exit(total.failed ? 1 : 0);
