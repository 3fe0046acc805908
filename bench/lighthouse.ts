// lighthouse: Lighthouse's performance and accessibility scores (its mobile defaults: a mid-range
// phone, simulated slow 4G and CPU slowdown) for /en, /en/privacy and /en/requests/new/access, in
// Debian's Chromium, against the portal as `npm start` serves it. Three runs per page, the median
// counts (Lighthouse's own advice for noisy machines). Last line: the scores per page and database.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { buildIfNeeded } from "../scripts/server/build-if-needed";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/test/chromium";
import { median } from "./support/load";
import type { BenchOptions, Flavor } from "./support/options";
import { root, startPortal } from "./support/portal";
import { say } from "./support/report";

export const LIGHTHOUSE_PAGES = ["/en", "/en/privacy", "/en/requests/new/access"];
const RUNS = 3;

async function lighthouseFigures(options: BenchOptions, flavor: Flavor): Promise<string> {
  const portal = await startPortal({ flavor, port: 3750, postgresServer: options.postgresServer });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  try {
    const lines: string[] = [];
    for (const path of LIGHTHOUSE_PAGES) {
      const performance: number[] = [];
      const accessibility: number[] = [];
      for (let run = 1, failed = 0; run <= RUNS; run++) {
        const result = await lighthouse(`${portal.url}${path}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
        });
        const { categories, audits, runtimeError } = result!.lhr;
        // A run Lighthouse itself could not complete (e.g. the browser did not answer in time) scores 0:
        // it measured nothing, so it is said and run again (at most twice per page), not counted.
        if (runtimeError) {
          say(`${flavor} ${path} run ${run}: Lighthouse failed (${runtimeError.code}: ${runtimeError.message})`);
          if (++failed > 2) throw new Error(`Lighthouse failed three times on ${path}`);
          run--;
          continue;
        }
        const perf = Math.round((categories.performance?.score ?? 0) * 100);
        const a11y = Math.round((categories.accessibility?.score ?? 0) * 100);
        performance.push(perf);
        accessibility.push(a11y);
        const metric = (id: string) => audits[id]?.displayValue ?? "?";
        say(
          `${flavor} ${path} run ${run}: performance ${perf}, accessibility ${a11y} (FCP ${metric("first-contentful-paint")}, ` +
            `LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")})`,
        );
      }
      lines.push(`${path} ${median(performance)}/${median(accessibility)}`);
    }
    return `${flavor}: ${lines.join(", ")}`;
  } finally {
    await chrome.kill();
    await portal.stop();
  }
}

export async function lighthouseBench(options: BenchOptions): Promise<void> {
  buildIfNeeded(root, say);
  const lines: string[] = [];
  for (const flavor of options.flavors) lines.push(await lighthouseFigures(options, flavor));
  say(`lighthouse (performance/accessibility, median of ${RUNS}): ${lines.join("; ")}`);
}
