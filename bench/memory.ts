// memory: the server's resident memory under sustained intake (--seconds, default 300 = 5 minutes,
// 10 connections of request form posts), sampled every 10 s. Last line per database: RSS at the end,
// the highest seen, and the growth over the last 3 minutes (flat = under 5 %).
import { buildIfNeeded } from "../scripts/server/build-if-needed";
import { intakeForm } from "./support/intake-form";
import { round } from "./support/load";
import type { BenchOptions, Flavor } from "./support/options";
import { root, startPortal } from "./support/portal";
import { rssOf, treeOf } from "./support/processes";
import { describeRound, say } from "./support/report";

const SAMPLE_MS = 10_000;
const MB = 1024 * 1024;

async function memoryFigures(options: BenchOptions, flavor: Flavor, seconds: number): Promise<string> {
  const portal = await startPortal({ flavor, port: 3740, postgresServer: options.postgresServer });
  try {
    const pid = portal.serverPid();
    if (!pid) throw new Error("could not find the server process");
    const form = await intakeForm(portal.url, `${flavor}-mem-${Date.now().toString(36)}`);
    const samples: { at: number; server: number; tree: number }[] = [];
    const begin = Date.now();
    const sample = () =>
      samples.push({
        at: (Date.now() - begin) / 1000,
        server: rssOf(pid),
        tree: treeOf(portal.child.pid!).reduce((sum, p) => sum + rssOf(p), 0),
      });
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    const result = await round({
      url: `${portal.url}${form.path}`,
      method: "POST",
      headers: form.headers,
      bodyFor: form.next,
      connections: options.connections,
      seconds,
    });
    clearInterval(timer);
    sample();
    say(describeRound(`${flavor} intake for ${seconds} s`, result));
    for (const s of samples)
      say(
        `  ${s.at.toFixed(0).padStart(4)} s  server ${(s.server / MB).toFixed(0)} MB  with children ${(s.tree / MB).toFixed(0)} MB`,
      );
    const last = samples.at(-1)!;
    const windowStart = samples.find((s) => s.at >= last.at - 180) ?? samples[0]!;
    const growth = (last.server - windowStart.server) / windowStart.server;
    const peak = Math.max(...samples.map((s) => s.server));
    return (
      `${flavor} server ${(last.server / MB).toFixed(0)} MB at the end (peak ${(peak / MB).toFixed(0)} MB, ` +
      `with worker and launchers ${(last.tree / MB).toFixed(0)} MB), last 3 min ${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)} % ` +
      `(${Math.abs(growth) < 0.05 ? "flat" : "NOT flat"})`
    );
  } finally {
    await portal.stop();
  }
}

export async function memoryBench(options: BenchOptions): Promise<void> {
  buildIfNeeded(root, say);
  // This benchmark's --seconds is the length of the whole run (the issue: RSS after 5 minutes).
  const seconds = options.seconds ?? 300;
  const lines: string[] = [];
  for (const flavor of options.flavors) lines.push(await memoryFigures(options, flavor, seconds));
  say(`memory (RSS under intake): ${lines.join("; ")}`);
}
