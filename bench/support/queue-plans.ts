// The queue benchmark's query side, run in a child process under the "react-server" condition (the
// queue's data access modules import "server-only"): the query plans (EXPLAIN) of every statement the
// queue page sends for each measured view, query-only timings of each, and the cursor of page 500.
//   node --conditions=react-server --import tsx bench/support/queue-plans.ts <json>
// Prints text lines, then one last line: JSON {"page500": "<cursor>"}.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../../lib/db/generated/postgres/client";
import { PrismaClient as SqliteClient } from "../../lib/db/generated/sqlite/client";
import type { Db } from "../../lib/db/client";
import { sqliteAdapter } from "../../lib/db/sqlite-adapter";
import { dashboardFor } from "../../lib/backoffice/queue/dashboard";
import { ON_TIME_REFRESH_MS } from "../../lib/backoffice/queue/on-time-figures";
import { countMatching, queuePageFor } from "../../lib/backoffice/queue/queue-page";
import { encodeCursor } from "../../lib/backoffice/queue/cursor";
import type { QueueView } from "../../lib/backoffice/queue/queue-view";
import { COUNT_LIMIT_FOR_BENCH, queueScenarios, type PlanInput } from "./queue-scenarios";

const input = JSON.parse(process.argv[2] ?? "{}") as PlanInput;
const say = (line = "") => process.stdout.write(`${line}\n`);
const logOptions = { log: [{ emit: "event" as const, level: "query" as const }] };
const db = (input.flavor === "sqlite"
  ? new SqliteClient({ adapter: sqliteAdapter(input.url, 5_000), ...logOptions })
  : new PostgresClient({ adapter: new PrismaPg({ connectionString: input.url }), ...logOptions })) as unknown as Db & {
  $on: (event: "query", listener: (e: { query: string; params: string }) => void) => void;
};

// What lib/db/client.ts's createDb marks its clients with (flavorOf reads it): this one logs its queries.
Object.defineProperty(db, Symbol.for("dsr-portal.db-flavor"), { value: input.flavor });

let captured: { query: string; params: string }[] | null = null;
db.$on("query", (e) => captured?.push({ query: e.query, params: e.params }));
const viewer = { actor: { type: "staff" as const, userId: input.staff.dpo, role: "dpo" as const } };
const policy = { timeZone: "Europe/Berlin", dueSoonDays: 7 };

async function explain(sql: string, params: unknown[]): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    input.flavor === "sqlite" ? `EXPLAIN QUERY PLAN ${sql}` : `EXPLAIN ${sql}`,
    ...params,
  );
  return rows
    .map((row) => `      ${input.flavor === "sqlite" ? String(row.detail) : String(row["QUERY PLAN"])}`)
    .join("\n");
}

async function measured(label: string, run: () => Promise<unknown>): Promise<void> {
  captured = [];
  await run();
  const statements = captured;
  captured = null;
  say(`  ${label}: ${statements.length} statement(s)`);
  for (const statement of statements) {
    say(`    ${statement.query.replace(/\s+/g, " ").slice(0, 400)}`);
    say(await explain(statement.query, JSON.parse(statement.params) as unknown[]));
  }
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  say(`    query-only: p50 ${times[14]!.toFixed(1)} ms, p95 ${times[28]!.toFixed(1)} ms (30 runs)`);
}

const now = new Date(input.now);
const page = (view: QueueView) => () => queuePageFor(db, viewer, view, policy.timeZone, now);
say(`query plans and query-only timings (${input.flavor})`);
// The 500th page of the deep view: walk the cursors as a person pressing "next" would.
const deep = queueScenarios(input).find((s) => s.name === "page 500")!.view;
let cursorView: QueueView = deep;
for (let n = 1; n < input.deepPage; n++) {
  const result = await queuePageFor(db, viewer, cursorView, policy.timeZone, now);
  if (!result.next) throw new Error(`the deep view ends at page ${n}`);
  cursorView = { ...deep, page: { after: result.next } };
}
for (const scenario of queueScenarios(input)) {
  const view = scenario.name === "page 500" ? cursorView : scenario.view;
  await measured(`${scenario.name} (page)`, page(view));
  if (scenario.name === "first page")
    await measured(`${scenario.name} (bounded count)`, () =>
      countMatching(db, viewer, view, policy.timeZone, now, COUNT_LIMIT_FOR_BENCH + 1),
    );
}
// The on-time rate is read at most once a minute (on-time-figures.ts): the strip as most pages draw
// it, then as the one page a minute that reads the rate again (its clock a minute on at each run).
await measured("dashboard strip", () => dashboardFor(db, viewer, policy, now));
let minutes = 0;
await measured("dashboard strip, rate re-read", () =>
  dashboardFor(db, viewer, policy, new Date(now.getTime() + ++minutes * ON_TIME_REFRESH_MS)),
);
await db.$disconnect();
say(
  JSON.stringify({
    page500: cursorView.page && "after" in cursorView.page ? encodeCursor(cursorView.page.after) : null,
  }),
);
process.exit(0);
