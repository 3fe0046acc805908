// pages: GET of the public pages at 10 connections against the baseline's static page, rounds
// alternating in one sitting. Last line: each page's p50 as a multiple of the baseline's, per database.
import { buildIfNeeded } from "../scripts/server/build-if-needed";
import { buildBaseline, startBaseline } from "./support/baseline";
import { median, round } from "./support/load";
import type { BenchOptions, Flavor } from "./support/options";
import { root, startPortal } from "./support/portal";
import { describeRound, say } from "./support/report";

/** The pages the issue names: home, the statement, the rights overview and a form. */
export const PUBLIC_PAGES = ["/en", "/en/privacy", "/en/requests/new", "/en/requests/new/erasure", "/de/privacy"];

async function pagesFigures(options: BenchOptions, flavor: Flavor): Promise<string> {
  const portal = await startPortal({ flavor, port: 3720, postgresServer: options.postgresServer });
  const baseline = await startBaseline(flavor, 3721, options.postgresServer);
  try {
    const load = { connections: options.connections };
    const baselineUrl = `${baseline.url}/static`;
    for (const path of [...PUBLIC_PAGES, null])
      await round({ ...load, url: path ? `${portal.url}${path}` : baselineUrl, seconds: 2 });
    const baselineP50: number[] = [];
    const pageP50 = new Map<string, number[]>(PUBLIC_PAGES.map((p) => [p, []]));
    for (let i = 1; i <= options.rounds; i++) {
      const b = await round({ ...load, url: baselineUrl, seconds: options.seconds ?? 10 });
      say(describeRound(`${flavor} baseline /static ${i}`, b));
      baselineP50.push(b.p50);
      for (const path of PUBLIC_PAGES) {
        const p = await round({ ...load, url: `${portal.url}${path}`, seconds: options.seconds ?? 10 });
        say(describeRound(`${flavor} ${path} ${i}`, p));
        if (p.errors || Object.keys(p.statuses).some((s) => s !== "200")) say(`  (not all answers were 200)`);
        pageP50.get(path)!.push(p.p50);
      }
    }
    // A p50 of 0 ms (sub-millisecond) would make every ratio infinite: count it as 1 ms.
    const base = Math.max(1, median(baselineP50));
    const ratios = PUBLIC_PAGES.map(
      (path) => `${path} ${(Math.max(1, median(pageP50.get(path)!)) / base).toFixed(1)}x`,
    );
    return `${flavor}: baseline p50 ${median(baselineP50).toFixed(1)} ms; ${ratios.join(", ")}`;
  } finally {
    await portal.stop();
    await baseline.stop();
  }
}

export async function pagesBench(options: BenchOptions): Promise<void> {
  buildIfNeeded(root, say);
  buildBaseline(say);
  const lines: string[] = [];
  for (const flavor of options.flavors) lines.push(await pagesFigures(options, flavor));
  say(`pages (p50 as a multiple of the baseline's static page): ${lines.join("; ")}`);
}
