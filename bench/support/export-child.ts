// One side of one export benchmark round, in a process of its own so that its peak RSS is its own:
// `node --import tsx bench/support/export-child.ts '<ExportChildInput as JSON>'`. Prints one JSON line
// (ExportChildResult). Modes:
//   read     reads every row through the reader and does nothing with them (the database's share)
//   package  writeAccessPackage from the database into `dir` (what the export job does)
//   files    the baseline's input: the same data/<system>/<record-type>.json and .csv written to `dir` as
//            plain files (their sizes must equal the package's manifest's; zip -r then runs on them)
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { writeAccessPackage, type ExportSource } from "../../lib/fulfilment/export";
import { csvHeader, csvRecords } from "../../lib/fulfilment/export/csv-text";
import type { Flavor } from "./options";
import { usageEventSource } from "./export-source";

export interface ExportChildInput {
  mode: "read" | "package" | "files";
  flavor: Flavor;
  url: string;
  userId: string;
  total: number;
  dir: string;
}

export interface ExportChildResult {
  mode: ExportChildInput["mode"];
  /** Wall time of the work itself (not the process's start), in seconds. */
  seconds: number;
  rows: number;
  /** Peak resident set size of this process, in MB (getrusage's ru_maxrss). */
  maxRssMb: number;
  /** RSS when the work began (node, tsx and the modules loaded), in MB. */
  startRssMb: number;
  /** CPU time of the work, all threads (user + system), in seconds. */
  cpuSeconds: number;
  /** From the last row written to the package's end (the CSV entry's deflate, report, manifest), in seconds. */
  tailSeconds: number;
  /** Plain sizes of the data files, path → bytes. */
  files: Record<string, number>;
  /** The package's size on disk (mode "package"). */
  packageBytes?: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function writeOut(out: Writable, text: string): Promise<number> {
  const bytes = Buffer.from(text, "utf8");
  if (!out.write(bytes)) await new Promise((resolve) => out.once("drain", resolve));
  return bytes.length;
}

/** The baseline's files, with the writer's own JSON and CSV formatting (the same bytes as in the package). */
async function writeFiles(source: ExportSource, dir: string): Promise<{ rows: number; files: Record<string, number> }> {
  const base = path.join(dir, "data", source.system, source.recordType);
  await mkdir(path.dirname(base), { recursive: true });
  const columns = source.columns!;
  const json = createWriteStream(`${base}.json`);
  const csv = createWriteStream(`${base}.csv`);
  let jsonBytes = await writeOut(json, "[");
  let csvBytes = await writeOut(csv, csvHeader(columns));
  let rows = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    jsonBytes += await writeOut(
      json,
      batch.map((row, n) => `${rows - batch.length + n === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`).join(""),
    );
    csvBytes += await writeOut(csv, csvRecords(batch, columns));
    batch = [];
  };
  for await (const row of source.rows) {
    batch.push(row);
    rows += 1;
    if (batch.length === 1000) await flush();
  }
  await flush();
  jsonBytes += await writeOut(json, rows === 0 ? "]\n" : "\n]\n");
  json.end();
  csv.end();
  await Promise.all([finished(json), finished(csv)]);
  const relative = `data/${source.system}/${source.recordType}`;
  return { rows, files: { [`${relative}.json`]: jsonBytes, [`${relative}.csv`]: csvBytes } };
}

async function main(input: ExportChildInput): Promise<ExportChildResult> {
  const source = usageEventSource(input.flavor, input.url, input.userId, input.total);
  const startRssMb = mb(process.memoryUsage.rss());
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  let rows = 0;
  let rowsEndedAt = 0;
  let files: Record<string, number> = {};
  let packageBytes: number | undefined;
  if (input.mode === "read") {
    for await (const row of source.rows) if (row) rows += 1;
  } else if (input.mode === "files") {
    ({ rows, files } = await writeFiles(source, input.dir));
  } else {
    const result = await writeAccessPackage({
      reference: "DSR-BENCH-000001",
      language: "en",
      createdAt: new Date(),
      outputDir: input.dir,
      sources: [source],
      onProgress: (p) => {
        if (p.done === input.total && rowsEndedAt === 0) rowsEndedAt = performance.now();
      },
      report: (counts) => `<!doctype html><html lang="en"><p>${counts.map((c) => c.records).join(", ")}</p></html>`,
    });
    rows = result.counts.reduce((sum, c) => sum + c.records, 0);
    files = Object.fromEntries(result.files.filter((f) => f.path.startsWith("data/")).map((f) => [f.path, f.size]));
    packageBytes = result.bytes;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    mode: input.mode,
    seconds,
    cpuSeconds,
    tailSeconds: rowsEndedAt ? (performance.now() - rowsEndedAt) / 1000 : 0,
    rows,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    startRssMb,
    files,
    packageBytes,
  };
}

const result = await main(JSON.parse(process.argv[2]!) as ExportChildInput);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
