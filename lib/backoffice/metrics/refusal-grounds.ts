// Refusals (whole or partial) by the grounds they gave (Art. 12(4), 12(5), 11(2), 17(3)...), read
// from their audit entries' details. Pure.
import type { Refusal } from "../../requests/workflow/commands";

export type RefusalGround = Refusal["grounds"][number];

/** How often each ground was given in `details` (the audit entries' details JSON of refused / partially_completed). */
export function refusalGrounds(details: readonly string[]): Map<RefusalGround, number> {
  const counts = new Map<RefusalGround, number>();
  for (const text of details) {
    let grounds: unknown;
    try {
      grounds = (JSON.parse(text) as { refusal?: { grounds?: unknown } }).refusal?.grounds;
    } catch {
      continue; // not JSON: an entry this reader does not understand counts for no ground
    }
    if (!Array.isArray(grounds)) continue;
    for (const ground of grounds) {
      if (typeof ground === "string")
        counts.set(ground as RefusalGround, (counts.get(ground as RefusalGround) ?? 0) + 1);
    }
  }
  return counts;
}
