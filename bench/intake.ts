// intake: request form posts that file a request (a new address each), against the baseline's one raw
// insert per JSON post; rounds alternate between the two in one sitting. Every answered post must
// have landed as a request. Last line: the ratio of filings per second, per database.
import { buildIfNeeded } from "../scripts/server/build-if-needed";
import { buildBaseline, startBaseline } from "./support/baseline";
import { countRequests } from "./support/count-requests";
import { intakeForm } from "./support/intake-form";
import { drainOutbox, type Drained } from "./support/outbox";
import { median, round, type RoundResult } from "./support/load";
import type { BenchOptions, Flavor } from "./support/options";
import { root, startPortal } from "./support/portal";
import { describeRound, say } from "./support/report";

export interface IntakeFigures {
  flavor: Flavor;
  portal: RoundResult[];
  baseline: RoundResult[];
  ratio: number;
  /** Posts the portal answered as filed (303) and requests that landed, over all rounds. */
  answered: number;
  landed: number;
  /** Answers other than 303, and connection errors. */
  failures: number;
  /** The mail backlog after each portal round, and how long it took to send. */
  drained: Drained[];
}

export async function intakeFigures(options: BenchOptions, flavor: Flavor): Promise<IntakeFigures> {
  const portal = await startPortal({ flavor, port: 3700, postgresServer: options.postgresServer });
  const baseline = await startBaseline(flavor, 3701, options.postgresServer);
  try {
    const form = await intakeForm(portal.url, `${flavor}-${Date.now().toString(36)}`);
    const portalLoad = {
      url: `${portal.url}${form.path}`,
      method: "POST" as const,
      headers: form.headers,
      bodyFor: form.next,
      connections: options.connections,
    };
    let counter = 0;
    const baselineLoad = {
      url: `${baseline.url}/api/insert`,
      method: "POST" as const,
      headers: { "content-type": "application/json" },
      bodyFor: () => JSON.stringify({ email: `baseline-${counter++}@example.org`, name: "Bench Mark", language: "en" }),
      connections: options.connections,
    };
    // Warm-up, not counted: both servers compile and cache what they need on first use.
    await round({ ...portalLoad, seconds: 3 });
    await round({ ...baselineLoad, seconds: 3 });
    const figures: IntakeFigures = {
      flavor,
      portal: [],
      baseline: [],
      ratio: 0,
      answered: 0,
      landed: 0,
      failures: 0,
      drained: [],
    };
    await drainOutbox(portal.databaseUrl);
    const before = await countRequests(portal.databaseUrl, form.prefix);
    for (let i = 1; i <= options.rounds; i++) {
      const b = await round({ ...baselineLoad, seconds: options.seconds ?? 10 });
      say(describeRound(`${flavor} baseline round ${i}`, b));
      figures.baseline.push(b);
      const p = await round({ ...portalLoad, seconds: options.seconds ?? 10 });
      say(describeRound(`${flavor} portal round ${i}`, p));
      figures.portal.push(p);
      // The worker's catching up belongs to the portal's time, not to the next baseline round's.
      const drained = await drainOutbox(portal.databaseUrl);
      say(
        `${flavor} portal round ${i}: ${drained.backlog} mails still to send at its end, all sent ${drained.seconds.toFixed(1)} s later`,
      );
      figures.drained.push(drained);
    }
    // Posts still in flight when a round ended may land after it: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    figures.landed = (await countRequests(portal.databaseUrl, form.prefix)) - before;
    figures.answered = figures.portal.reduce((sum, r) => sum + (r.statuses["303"] ?? 0), 0);
    figures.failures = figures.portal.reduce(
      (sum, r) => sum + r.errors + Object.entries(r.statuses).reduce((s, [code, n]) => s + (code === "303" ? 0 : n), 0),
      0,
    );
    figures.ratio = median(figures.portal.map((r) => r.rate)) / median(figures.baseline.map((r) => r.rate));
    return figures;
  } finally {
    await portal.stop();
    await baseline.stop();
  }
}

export function describeIntake(f: IntakeFigures): string {
  const p99 = Math.max(...f.portal.map((r) => r.p99));
  // Every answered post must be there; a few more may have landed from posts cut off at a round's end.
  const landedOk = f.landed >= f.answered;
  return (
    `${f.flavor}: ratio ${f.ratio.toFixed(2)} (portal ${median(f.portal.map((r) => r.rate)).toFixed(1)}/s, ` +
    `baseline ${median(f.baseline.map((r) => r.rate)).toFixed(1)}/s, portal p99 ${p99.toFixed(0)} ms, ` +
    `landed ${f.landed} of ${f.answered} answered${landedOk ? "" : " — MISSING"}, ${f.failures} errors, ` +
    `mail backlog at a round's end up to ${Math.max(...f.drained.map((d) => d.backlog))}, ` +
    `sent within ${Math.max(...f.drained.map((d) => d.seconds)).toFixed(1)} s)`
  );
}

export async function intakeBench(options: BenchOptions): Promise<void> {
  buildIfNeeded(root, say);
  buildBaseline(say);
  const all: IntakeFigures[] = [];
  for (const flavor of options.flavors) all.push(await intakeFigures(options, flavor));
  say(`intake: ${all.map(describeIntake).join("; ")}`);
}
