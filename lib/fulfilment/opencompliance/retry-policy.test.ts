// Retries with back-off, dead letter, manual retry and the status-poll fallback,
// with an injected clock and random source.
import { describe, expect, it } from "vitest";
import {
  afterFailure,
  backoffBoundsMs,
  retryFromDeadLetter,
  statusPollDue,
  type ConnectorRetryPolicy,
  type DeliveryState,
} from "./retry-policy";

const policy: ConnectorRetryPolicy = {
  baseDelayMs: 1000,
  maxDelayMs: 10_000,
  maxAttempts: 4,
  jitter: 0.5,
  statusPollAfterMs: 60_000,
};
const now = new Date("2026-12-01T10:00:00Z");
const timeout = { retryable: true, message: "timeout" };

describe("connector retry policy", () => {
  it("doubles the pause per attempt, caps it, and keeps jitter within bounds", () => {
    expect(backoffBoundsMs(1, policy)).toEqual({ min: 500, max: 1000 });
    expect(backoffBoundsMs(2, policy)).toEqual({ min: 1000, max: 2000 });
    expect(backoffBoundsMs(3, policy)).toEqual({ min: 2000, max: 4000 });
    expect(backoffBoundsMs(9, policy)).toEqual({ min: 5000, max: 10_000 });
    const low = afterFailure({ attempts: 1 }, timeout, policy, now, () => 0);
    const high = afterFailure({ attempts: 1 }, timeout, policy, now, () => 0.999999);
    expect(low).toEqual({ state: "due", attempts: 2, dueAt: new Date(now.getTime() + 1000) });
    expect(high.state === "due" && high.dueAt.getTime() - now.getTime()).toBe(1999);
  });

  it("dead-letters a retryable failure after maxAttempts tries, never drops it, and a person can retry it", () => {
    let state: DeliveryState = { state: "due", attempts: 0, dueAt: now };
    const seen: string[] = [];
    for (let i = 0; i < policy.maxAttempts; i++) {
      state = afterFailure(state, timeout, policy, now, () => 0.5);
      seen.push(state.state);
    }
    expect(seen).toEqual(["due", "due", "due", "dead_letter"]);
    expect(state).toEqual({ state: "dead_letter", attempts: 4, lastError: "timeout", deadLetteredAt: now });
    const later = new Date(now.getTime() + 3_600_000);
    expect(retryFromDeadLetter(state, later)).toEqual({ state: "due", attempts: 0, dueAt: later });
  });

  it("dead-letters a permanent failure (4xx, bad signature) at once", () => {
    expect(afterFailure({ attempts: 0 }, { retryable: false, message: "HTTP 400" }, policy, now, () => 0).state).toBe(
      "dead_letter",
    );
  });

  it("leaves states other than dead letter alone on manual retry", () => {
    const due: DeliveryState = { state: "due", attempts: 2, dueAt: now };
    expect(retryFromDeadLetter(due, new Date())).toBe(due);
  });

  it("polls a request that is not final once no callback came for statusPollAfterMs", () => {
    const heard = new Date(now.getTime() - 59_999);
    expect(statusPollDue(heard, "pending", policy, now)).toBe(false);
    expect(statusPollDue(new Date(now.getTime() - 60_000), "in_progress", policy, now)).toBe(true);
    expect(statusPollDue(new Date(0), "completed", policy, now)).toBe(false);
    expect(statusPollDue(new Date(0), "cancelled", policy, now)).toBe(false);
  });
});
