// queue: the back-office queue at a million requests (issue 13). Generates the requests straight
// into a fresh database (bench/support/queue-data.ts), prints the query plan (EXPLAIN) and a
// query-only timing of every statement the page sends (bench/support/queue-plans.ts, in a child
// process), then starts the built portal on that database and measures the server-rendered page over
// HTTP as a signed-in DPO, one request at a time: the first page, a filtered page
// (status+type+assignee), page 500 (its keyset cursor found by walking the pages), a search by
// e-mail, and the dashboard strip (the page for a reference that does not exist: no rows, so the
// strip is what it costs beyond the frame). Last line: p50/p95 per view, per database.
// BENCH_QUEUE_ROWS overrides the million (a quick try).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sessionCookie } from "../lib/auth/sessions/session-cookie";
import { queueViewToSearchParams } from "../lib/backoffice/queue/queue-view";
import { buildIfNeeded } from "../scripts/server/build-if-needed";
import { prepareDatabase } from "../scripts/db/prepare-database";
import { dropPostgresDatabase } from "../scripts/test/postgres";
import type { BenchOptions, Flavor } from "./support/options";
import { databaseUrlFor, root, startPortal } from "./support/portal";
import { generatePostgres, generateSqlite, type QueueData } from "./support/queue-data";
import { queueScenarios, type PlanInput } from "./support/queue-scenarios";
import { say } from "./support/report";

const PORT = 3730;
const WARM_UP = 5;
const SAMPLES = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** p50 and p95 of SAMPLES sequential GETs of `url` with the DPO's session; each must be the queue. */
async function timeGet(url: string, cookie: string): Promise<{ p50: number; p95: number }> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 || !body.includes('data-testid="queue-page"'))
      throw new Error(`${url}: ${response.status} ${response.headers.get("location") ?? ""}`);
    return ms;
  };
  for (let i = 0; i < WARM_UP; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push(await get());
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function queueFigures(options: BenchOptions, flavor: Flavor, rows: number): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-bench-queue-"));
  const url = databaseUrlFor({ flavor, port: PORT, postgresServer: options.postgresServer }, dataDir);
  if (flavor === "postgres") await dropPostgresDatabase(url);
  await prepareDatabase(url);
  const now = new Date();
  const started = Date.now();
  const data: QueueData =
    flavor === "sqlite"
      ? generateSqlite(url.slice("file:".length), rows, now, say)
      : await generatePostgres(url, rows, now, say);
  say(`${flavor}: generated ${rows} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const input: PlanInput = {
    flavor,
    url,
    now: now.toISOString(),
    staff: data.staff,
    sampleEmail: data.sampleEmail,
    deepPage: Math.min(500, Math.floor((rows * 0.8) / 50)),
  };
  const plans = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "bench/support/queue-plans.ts", JSON.stringify(input)],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (plans.status !== 0) throw new Error(`queue-plans failed: ${plans.stderr}`);
  const lines = plans.stdout.trimEnd().split("\n");
  const { page500 } = JSON.parse(lines.pop()!) as { page500: string };
  for (const line of lines) say(line);

  // No demo data: its references would collide with the generated ones.
  const portal = await startPortal({
    flavor,
    port: PORT,
    postgresServer: options.postgresServer,
    dataDir,
    keepDatabase: true,
    extraEnv: { SEED_DEMO_DATA: "false" },
  });
  const figures: string[] = [];
  try {
    const cookie = `${sessionCookie(portal.url).name}=${data.token}`;
    for (const scenario of queueScenarios(data)) {
      const params = queueViewToSearchParams(scenario.view);
      if (scenario.name === "page 500") params.set("after", page500);
      const result = await timeGet(`${portal.url}/en/backoffice?${params}`, cookie);
      say(
        `${flavor} HTTP ${scenario.name.padEnd(18)} p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`,
      );
      figures.push(`${scenario.name} ${result.p50.toFixed(0)}/${result.p95.toFixed(0)}`);
    }
    const strip = await timeGet(`${portal.url}/en/backoffice?q=DSR-1999-000000`, cookie);
    say(
      `${flavor} HTTP ${"dashboard strip".padEnd(18)} p50 ${strip.p50.toFixed(1)} ms, p95 ${strip.p95.toFixed(1)} ms (page with no rows)`,
    );
    figures.push(`dashboard strip ${strip.p50.toFixed(0)}/${strip.p95.toFixed(0)}`);
  } finally {
    await portal.stop();
    if (flavor === "postgres") await dropPostgresDatabase(url);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return `${flavor} (${rows} requests): ${figures.join(", ")}`;
}

export async function queueBench(options: BenchOptions): Promise<void> {
  buildIfNeeded(root, say);
  const rows = Number(process.env.BENCH_QUEUE_ROWS ?? 1_000_000);
  const lines: string[] = [];
  for (const flavor of options.flavors) lines.push(await queueFigures(options, flavor, rows));
  say(`queue (HTTP p50/p95 ms, ${SAMPLES} sequential GETs each): ${lines.join("; ")}`);
}
