// Art. 12(3) GDPR: the controller may extend the period by two further months, but must tell the data
// subject so, with reasons, within the first month. After the one-month deadline has passed it is too late.
import { Temporal } from "temporal-polyfill";
import { toInstant } from "./calendar";
import { computeDeadline } from "./compute-deadline";
import type { Pause } from "./pauses";
import type { DeadlinePolicy } from "./policy";

export type ExtensionCheck = { allowed: true; firstDue: string } | { allowed: false; reason: string; firstDue: string };

export function extensionAllowed(
  receivedAt: Date,
  now: Date,
  policy: DeadlinePolicy,
  pauses?: readonly Pause[],
): ExtensionCheck {
  // The first month is counted exactly like the deadline itself, weekends, holidays and pauses included.
  const first = computeDeadline({ receivedAt, extended: false, pauses }, policy, now);
  if (Temporal.Instant.compare(toInstant(now, "now"), toInstant(first.dueAt, "dueAt")) < 0) {
    return { allowed: true, firstDue: first.due };
  }
  return {
    allowed: false,
    firstDue: first.due,
    reason:
      `The first month ended at the end of ${first.due} (${first.dueAtLocal}, ${first.timeZone}); ` +
      "an extension must be notified within the first month (Art. 12(3) GDPR).",
  };
}
