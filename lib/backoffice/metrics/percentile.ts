// Percentiles for the metrics page, by the nearest-rank method: the figure is always one of the
// observed values (a case really took that long), never an interpolation between two. Pure.

/**
 * The `p`-th percentile (0 < p ≤ 100) of `values` by nearest rank: the smallest value with at least
 * p % of the values at or below it. null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}
