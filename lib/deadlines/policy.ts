// How one controller counts its deadlines. Validated once where it is configured, so the engine can trust it.
import { z } from "zod";
import { regionProblem } from "./region";
import { canonicalTimeZone, timeZoneProblem } from "./time-zone";

/**
 * Whether the clock stops while the controller waits for the data subject (identity proof under Art. 12(6)
 * GDPR, clarification). Not settled across the EU; "running" is the safe default.
 */
export type ClockPolicy = "running" | "paused_while_awaiting_subject";

export interface DeadlinePolicy {
  /** IANA time zone of the controller; the day of receipt and the end of the period are days there. */
  timeZone: string;
  /** Holiday region of the controller's place: "DE-NW" (country DE, state NW) or a country alone like "AT". */
  region: string;
  clockPolicy: ClockPolicy;
  /** A deadline this many calendar days away or fewer is "due soon". */
  dueSoonDays: number;
}

/** A controller in Cologne: Berlin time, North Rhine-Westphalia's holidays, the clock never stops. */
export const DEFAULT_DEADLINE_POLICY: Readonly<DeadlinePolicy> = Object.freeze({
  timeZone: "Europe/Berlin",
  region: "DE-NW",
  clockPolicy: "running",
  dueSoonDays: 7,
});

export const deadlinePolicySchema = z.object({
  timeZone: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = timeZoneProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((value) => canonicalTimeZone(value) ?? value)
    .default(DEFAULT_DEADLINE_POLICY.timeZone),
  region: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = regionProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((value) => value.toUpperCase())
    .default(DEFAULT_DEADLINE_POLICY.region),
  clockPolicy: z
    .enum(["running", "paused_while_awaiting_subject"], {
      error: 'clock policy must be "running" or "paused_while_awaiting_subject"',
    })
    .default(DEFAULT_DEADLINE_POLICY.clockPolicy),
  dueSoonDays: z
    .number({ error: "dueSoonDays must be a number of days" })
    .int("dueSoonDays must be a whole number of days")
    .min(0, "dueSoonDays must not be negative")
    .max(366, "dueSoonDays must be at most 366")
    .default(DEFAULT_DEADLINE_POLICY.dueSoonDays),
}) satisfies z.ZodType<DeadlinePolicy, Partial<DeadlinePolicy>>;
