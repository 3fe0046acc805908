// The abuse limits by name, as the configuration sets them (lib/config/env.ts: RATE_LIMIT_*).
// `…_ip` and `…_email` count per client address; `…_user` per signed-in account (its user id).
// `second_factor_user` counts a staff member's wrong second-factor codes (lib/backoffice/second-factor/),
// in a window of its own: a code guesser is slowed for minutes, not for the hour the others count.

export const limitNames = [
  "submission_ip",
  "submission_email",
  "sign_in_ip",
  "sign_in_email",
  "message_user",
  "upload_user",
  "second_factor_user",
] as const;
export type LimitName = (typeof limitNames)[number];

export interface RateLimitSettings {
  /** The length of one counting window; a key's count starts again when its window is over. */
  windowSeconds: number;
  /** How many attempts one key may make per window, by limit. */
  points: Record<LimitName, number>;
  /** Limits counted in a window of another length than `windowSeconds`, in seconds. */
  windowSecondsByLimit?: Partial<Record<LimitName, number>>;
}

/** The window `limit` counts in under `settings`, in seconds. */
export function limitWindowSeconds(limit: LimitName, settings: RateLimitSettings): number {
  return settings.windowSecondsByLimit?.[limit] ?? settings.windowSeconds;
}
