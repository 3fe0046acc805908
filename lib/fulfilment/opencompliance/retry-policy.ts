// When to send a processor request again, when to give up (dead letter), and when to
// ask for a status because no callback came. Pure: the caller passes the clock and
// the random source. A dead-lettered delivery is never dropped: it waits for a person
// to retry it from the case file (the controller stays answerable for the request,
// GDPR Art. 12(3), 28(3)(e)).
import { retryDelayMs, type RetryPolicy } from "../../mail/outbox/retry-policy";

export interface ConnectorRetryPolicy extends RetryPolicy {
  /** Share of each delay that is random, 0..1: the delay lies in [delay × (1 − jitter), delay]. */
  jitter: number;
  /** Without a callback for this long, a request that is not final is polled (section 8.1). */
  statusPollAfterMs: number;
}

export const DEFAULT_CONNECTOR_RETRY_POLICY: ConnectorRetryPolicy = {
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 60 * 60 * 1000,
  maxAttempts: 8,
  jitter: 0.5,
  statusPollAfterMs: 24 * 60 * 60 * 1000,
};

export type DeliveryState =
  | { state: "due"; attempts: number; dueAt: Date }
  | { state: "delivered"; attempts: number; deliveredAt: Date }
  | { state: "dead_letter"; attempts: number; lastError: string; deadLetteredAt: Date };

/** Bounds (ms) of the pause after `attempts` failed tries (≥ 1): exponential, capped, then jittered down. */
export function backoffBoundsMs(attempts: number, policy: ConnectorRetryPolicy): { min: number; max: number } {
  const max = retryDelayMs(attempts, policy);
  return { min: Math.floor(max * (1 - clampJitter(policy.jitter))), max };
}

/**
 * The state after one more failed try. A permanent error (4xx, bad signature, broken
 * answer) dead-letters at once: trying the same again cannot help. A retryable one
 * dead-letters once `maxAttempts` tries have failed.
 * @param random returns a number in [0, 1), e.g. Math.random.
 */
export function afterFailure(
  previous: { attempts: number },
  error: { retryable: boolean; message: string },
  policy: ConnectorRetryPolicy,
  now: Date,
  random: () => number,
): DeliveryState {
  const attempts = previous.attempts + 1;
  if (!error.retryable || attempts >= policy.maxAttempts) {
    return { state: "dead_letter", attempts, lastError: error.message.slice(0, 1000), deadLetteredAt: now };
  }
  const { min, max } = backoffBoundsMs(attempts, policy);
  const r = Math.min(Math.max(random(), 0), 1);
  return { state: "due", attempts, dueAt: new Date(now.getTime() + min + Math.floor((max - min) * r)) };
}

/** A person retries a dead-lettered delivery from the case file: due now, with a fresh count of attempts. */
export function retryFromDeadLetter(current: DeliveryState, now: Date): DeliveryState {
  if (current.state !== "dead_letter") return current;
  return { state: "due", attempts: 0, dueAt: now };
}

/** Whether to poll the status (section 8.1) because no callback came for `statusPollAfterMs`. */
export function statusPollDue(
  lastHeardAt: Date,
  status: "pending" | "in_progress" | "completed" | "cancelled",
  policy: ConnectorRetryPolicy,
  now: Date,
): boolean {
  if (status === "completed" || status === "cancelled") return false;
  return now.getTime() - lastHeardAt.getTime() >= policy.statusPollAfterMs;
}

function clampJitter(jitter: number): number {
  return Math.min(Math.max(jitter, 0), 1);
}
