// export: the access package of a subject with 1,000,000 usage events (issue 14), against `zip -r` of the
// same JSON and CSV files on disk. Per database: a fresh database with the rows (bench/support/export-data.ts),
// then rounds alternating baseline and portal, each side in a child process of its own
// (bench/support/export-child.ts) so that its peak RSS is its own:
//   baseline  the child writes data/<system>/<record-type>.json and .csv to a temp dir (not timed), then
//             `zip -qr` of them is timed (zip's default level 6, as the package's deflate)
//   portal    the child reads the rows from the database and writes the package with writeAccessPackage
//             (timed, with its peak RSS); another child only reads the rows (the database's share)
// Last line: median times, the ratio portal / zip, and the largest peak RSS, per database. Targets: ratio
// ≤ 2.0, RSS < 256 MB. BENCH_EXPORT_ROWS overrides the million (a quick try).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../scripts/db/prepare-database";
import { dropPostgresDatabase, postgresDatabaseUrl } from "../scripts/test/postgres";
import type { ExportChildInput, ExportChildResult } from "./support/export-child";
import { generateUsagePostgres, generateUsageSqlite } from "./support/export-data";
import { median } from "./support/load";
import type { BenchOptions, Flavor } from "./support/options";
import { root } from "./support/portal";
import { say } from "./support/report";

function runChild(input: ExportChildInput): ExportChildResult {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "bench/support/export-child.ts", JSON.stringify(input)],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (child.status !== 0) throw new Error(`export-child ${input.mode} failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trimEnd().split("\n").pop()!) as ExportChildResult;
}

/** Seconds of `zip -qr out.zip data` in `dir`. */
function timeZip(dir: string): number {
  const started = performance.now();
  const zip = spawnSync("zip", ["-qr", "out.zip", "data"], { cwd: dir, encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  if (zip.error) throw new Error(`zip -r could not run (${zip.error.message}): apt-get install -y zip`);
  if (zip.status !== 0) throw new Error(`zip -r failed (${zip.status}): ${zip.stderr}`);
  return seconds;
}

const s = (seconds: number) => `${seconds.toFixed(2)} s`;

async function exportFigures(options: BenchOptions, flavor: Flavor, rows: number): Promise<string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-bench-export-"));
  const url =
    flavor === "sqlite"
      ? `file:${path.join(work, "export.db")}`
      : postgresDatabaseUrl(options.postgresServer, `bench_export_${process.pid}`);
  try {
    if (flavor === "postgres") await dropPostgresDatabase(url);
    await prepareDatabase(url);
    const generated = Date.now();
    const userId =
      flavor === "sqlite"
        ? generateUsageSqlite(url.slice("file:".length), rows, () => undefined)
        : await generateUsagePostgres(url, rows, () => undefined);
    say(`${flavor}: ${rows} usage events generated in ${((Date.now() - generated) / 1000).toFixed(0)} s`);

    const base = { flavor, url, userId, total: rows };
    const zipTimes: number[] = [];
    const packageTimes: number[] = [];
    const readTimes: number[] = [];
    const rss: number[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const filesDir = fs.mkdtempSync(path.join(work, "files-"));
      const files = runChild({ ...base, mode: "files", dir: filesDir });
      const zipSeconds = timeZip(filesDir);
      const zipBytes = fs.statSync(path.join(filesDir, "out.zip")).size;
      fs.rmSync(filesDir, { recursive: true, force: true });
      zipTimes.push(zipSeconds);
      say(
        `${flavor} round ${round} baseline: zip -r ${s(zipSeconds)} (${(zipBytes / 1e6).toFixed(1)} MB; files written in ${s(files.seconds)}, not timed)`,
      );

      const read = runChild({ ...base, mode: "read", dir: work });
      const packageDir = fs.mkdtempSync(path.join(work, "package-"));
      const written = runChild({ ...base, mode: "package", dir: packageDir });
      fs.rmSync(packageDir, { recursive: true, force: true });
      for (const [file, size] of Object.entries(files.files)) {
        if (written.files[file] !== size) {
          throw new Error(`${file}: ${size} bytes on disk for zip -r but ${written.files[file]} in the package`);
        }
      }
      if (written.rows !== rows || read.rows !== rows)
        throw new Error(`read ${read.rows}, packaged ${written.rows} of ${rows} rows`);
      readTimes.push(read.seconds);
      packageTimes.push(written.seconds);
      rss.push(written.maxRssMb);
      say(
        `${flavor} round ${round} portal:   package ${s(written.seconds)} (${((written.packageBytes ?? 0) / 1e6).toFixed(1)} MB), CPU ${s(written.cpuSeconds)}, after the last row ${s(written.tailSeconds)}, peak RSS ${written.maxRssMb} MB (${written.startRssMb} MB before it began); database read alone ${s(read.seconds)}, ratio ${(written.seconds / zipSeconds).toFixed(2)}`,
      );
    }
    const ratio = median(packageTimes) / median(zipTimes);
    return `${flavor} package ${s(median(packageTimes))} vs zip -r ${s(median(zipTimes))}: ${ratio.toFixed(2)}× (target ≤ 2), peak RSS ${Math.max(...rss)} MB (target < 256), database read ${s(median(readTimes))}`;
  } finally {
    if (flavor === "postgres") await dropPostgresDatabase(url);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function exportBench(options: BenchOptions): Promise<void> {
  const rows = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
  const lines: string[] = [];
  for (const flavor of options.flavors) lines.push(await exportFigures(options, flavor, rows));
  say(`export (${rows} usage events, medians of ${options.rounds} rounds): ${lines.join("; ")}`);
}
