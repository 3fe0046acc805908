// `npm run bench -- <name> [--db sqlite|postgres|both] [--rounds N] [--seconds S] [--connections C]`:
// the portal's benchmarks (bench/README.md says what each measures and how). Never part of npm test.
import { exportBench } from "./export";
import { intakeBench } from "./intake";
import { lighthouseBench } from "./lighthouse";
import { memoryBench } from "./memory";
import { pagesBench } from "./pages";
import { queueBench } from "./queue";
import { startBench } from "./start";
import { benchOptions } from "./support/options";

const benches: Record<string, (options: ReturnType<typeof benchOptions>) => Promise<void>> = {
  intake: intakeBench,
  pages: pagesBench,
  start: startBench,
  memory: memoryBench,
  lighthouse: lighthouseBench,
  queue: queueBench,
  export: exportBench,
};

const options = benchOptions(process.argv.slice(2));
const bench = benches[options.name];
if (!bench) {
  process.stderr.write(`unknown benchmark "${options.name}": one of ${Object.keys(benches).join(", ")}\n`);
  process.exit(2);
}
await bench(options);
process.exit(0);
