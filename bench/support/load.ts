// One round of load with autocannon: a fixed number of connections for a fixed time, every answer
// counted by status. Latencies are autocannon's (HdrHistogram), in milliseconds.
import autocannon from "autocannon";

export interface RoundResult {
  requests: number;
  /** Requests per second over the round. */
  rate: number;
  p50: number;
  p99: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no HTTP answer). */
  errors: number;
}

export interface Load {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Called for each request: returns its body (e.g. with an address of its own). */
  bodyFor?: () => string;
  connections: number;
  seconds: number;
}

export async function round(load: Load): Promise<RoundResult> {
  const result = await autocannon({
    url: load.url,
    method: load.method ?? "GET",
    headers: load.headers,
    body: load.body,
    connections: load.connections,
    duration: load.seconds,
    timeout: 30,
    ...(load.bodyFor
      ? { requests: [{ setupRequest: (request: object) => ({ ...request, body: load.bodyFor!() }) }] }
      : {}),
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, (stats as { count: number }).count]),
  );
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requests: answered,
    rate: answered / load.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
