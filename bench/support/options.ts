// What every benchmark takes on its command line: `npm run bench -- <name> [--db sqlite|postgres|both]
// [--rounds N] [--seconds S] [--connections C]`. Defaults are the issue's method (bench/README.md).
import { parseArgs } from "node:util";

export type Flavor = "sqlite" | "postgres";

export interface BenchOptions {
  name: string;
  flavors: Flavor[];
  /** Rounds per side, alternating portal and baseline. */
  rounds: number;
  /** Length of one round (each benchmark has its own default). */
  seconds: number | undefined;
  connections: number;
  /** The PostgreSQL server the postgres runs use (databases are created and dropped on it). */
  postgresServer: string;
}

export function benchOptions(argv: string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: "string", default: "both" },
      rounds: { type: "string", default: "3" },
      seconds: { type: "string" },
      connections: { type: "string", default: "10" },
    },
  });
  const name = positionals[0];
  if (!name) throw new Error("name a benchmark: intake, pages, start, memory, lighthouse, queue or export");
  const db = values.db;
  if (db !== "sqlite" && db !== "postgres" && db !== "both") throw new Error("--db is sqlite, postgres or both");
  const number = (value: string | undefined, what: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number above 0`);
    return n;
  };
  return {
    name,
    flavors: db === "both" ? ["sqlite", "postgres"] : [db],
    rounds: number(values.rounds, "--rounds"),
    seconds: values.seconds === undefined ? undefined : number(values.seconds, "--seconds"),
    connections: number(values.connections, "--connections"),
    postgresServer: process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  };
}
