// The period runs from the day of receipt in the controller's time zone (EDPB 01/2022, section 5.3), so the
// zone must be a real IANA zone with its daylight-saving rules, never a fixed offset that would drift by an
// hour for half the year.
import { Temporal } from "temporal-polyfill";

/** The canonical IANA name for `timeZone` (e.g. "europe/berlin" → "Europe/Berlin"), or undefined. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  // Temporal also accepts "+01:00"; an offset has no DST rules, so it is not a controller's zone.
  if (!/^[A-Za-z]/.test(timeZone)) return undefined;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone).timeZoneId;
  } catch {
    return undefined;
  }
}

export function timeZoneProblem(timeZone: string): string | undefined {
  if (canonicalTimeZone(timeZone) !== undefined) return undefined;
  return `unknown time zone "${timeZone}": use an IANA time zone name like "Europe/Berlin"`;
}
