// start: `npm start` with a build and an up-to-date database present, to the first 200 of /api/health.
// The first start (which makes and seeds the database) is not counted; then three starts, stopped in
// between. Last line: the median per database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/server/build-if-needed";
import { median } from "./support/load";
import type { BenchOptions, Flavor } from "./support/options";
import { root, startPortal } from "./support/portal";
import { say } from "./support/report";

const STARTS = 3;

async function startFigures(options: BenchOptions, flavor: Flavor): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-bench-start-"));
  const setup = { flavor, port: 3730, postgresServer: options.postgresServer, dataDir };
  const first = await startPortal(setup);
  await first.stop();
  say(`${flavor}: first start (creates, migrates, seeds) ${(first.startMs / 1000).toFixed(1)} s — not counted`);
  const times: number[] = [];
  for (let i = 1; i <= STARTS; i++) {
    const again = await startPortal({ ...setup, keepDatabase: true });
    await again.stop();
    times.push(again.startMs);
    say(`${flavor}: start ${i} ${(again.startMs / 1000).toFixed(2)} s`);
  }
  return `${flavor} median ${(median(times) / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(", ")})`;
}

export async function startBench(options: BenchOptions): Promise<void> {
  buildIfNeeded(root, say);
  const lines: string[] = [];
  for (const flavor of options.flavors) lines.push(await startFigures(options, flavor));
  say(`start (npm start to /api/health, build and database present): ${lines.join("; ")}`);
}
