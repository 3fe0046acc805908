// When to try a failed mail again, and when to give up. Permanent SMTP answers
// (5xx: unknown mailbox, rejected) fail at once: retrying them only delays the
// moment staff see the error.

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60 * 1000,
  maxAttempts: 10,
};

/** Exponential back-off: base, 2×base, 4×base … capped. `attempts` counts tries so far (≥ 1). */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}

/**
 * Only a 5xx answer to this mail itself (its sender, a recipient, its content) is
 * permanent. A 5xx to the login or the connection (e.g. 535, an expired password)
 * says nothing about the mail: retry, so fixing the configuration delivers it.
 */
export function isPermanentFailure(error: unknown): boolean {
  const { responseCode, command } = error as { responseCode?: unknown; command?: unknown };
  if (typeof responseCode !== "number" || responseCode < 500 || responseCode >= 600) return false;
  return typeof command === "string" && /^(MAIL FROM|RCPT TO|DATA)/i.test(command);
}

/** The error as staff should read it: the SMTP status line when there is one. */
export function describeMailError(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  if (e.responseCode && e.response) return `${e.response}`.slice(0, 1000);
  return `${e.code ? `${e.code}: ` : ""}${e.message ?? String(error)}`.slice(0, 1000);
}
