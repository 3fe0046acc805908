// Shared by the deadline tests: a request received at an instant, counted under a policy close to the default.
import { computeDeadline, type Deadline } from "./compute-deadline";
import type { Pause } from "./pauses";
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from "./policy";

export interface Case {
  extended?: boolean;
  pauses?: Pause[];
  now?: string;
  policy?: Partial<DeadlinePolicy>;
}

export function policyWith(overrides: Partial<DeadlinePolicy> = {}): DeadlinePolicy {
  return { ...DEFAULT_DEADLINE_POLICY, ...overrides };
}

/** The deadline for a request received at `receivedAt` (an ISO instant). */
export function deadlineFor(receivedAt: string, c: Case = {}): Deadline {
  return computeDeadline(
    { receivedAt: new Date(receivedAt), extended: c.extended ?? false, pauses: c.pauses },
    policyWith(c.policy),
    c.now ? new Date(c.now) : undefined,
  );
}

/** Received at 10:00 Berlin time on `date`, which is the same calendar day in every European zone. */
export function dueFor(date: string, c: Case = {}): string {
  return deadlineFor(`${date}T10:00:00+01:00`, c).due;
}
