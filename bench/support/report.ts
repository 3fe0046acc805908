// Printing figures: one line per round, and the benchmark's last line with its ratio.
import type { RoundResult } from "./load";

export const say = (line = "") => process.stdout.write(`${line}\n`);

export function describeRound(label: string, result: RoundResult): string {
  const statuses = Object.entries(result.statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  return `${label.padEnd(28)} ${result.rate.toFixed(1).padStart(8)}/s  p50 ${result.p50.toFixed(1).padStart(7)} ms  p99 ${result.p99
    .toFixed(1)
    .padStart(7)} ms  ${statuses}${result.errors ? `  errors ${result.errors}` : ""}`;
}
