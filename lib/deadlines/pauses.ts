// Under the clock policy "paused_while_awaiting_subject" the time the controller spends waiting for the data
// subject (identity proof under Art. 12(6) GDPR, clarification) is added to the period.
//
// The rule, in whole calendar days because the law counts periods in days (Reg. 1182/71 Art. 3):
// - a pause adds the number of calendar days, in the controller's time zone, from the day it began to the
//   day it ended; that is the number of midnights it spans. Paused Tuesday 09:00 to Friday 09:00 adds 3 days;
//   a pause begun and ended on the same day adds none;
// - an open pause (no end yet) counts up to `now`; a pause's end later than `now` is cut at `now`;
// - pauses are cut to begin no earlier than receipt, and overlapping or touching pauses count once;
// - a pause that begins when the period (as extended by the earlier pauses) had already ended adds nothing:
//   a deadline that has passed cannot be revived by stopping the clock afterwards.
import { Temporal } from "temporal-polyfill";
import { dayOf, daysBetween, toInstant } from "./calendar";

export interface Pause {
  from: Date;
  /** null while the controller is still waiting. */
  to: Date | null;
}

export interface PauseWindow {
  from: Temporal.Instant;
  to: Temporal.Instant;
  /** Counted up to `now`, because the pause is still open (or was recorded as ending later). */
  open: boolean;
}

const later = (a: Temporal.Instant, b: Temporal.Instant) => (Temporal.Instant.compare(a, b) >= 0 ? a : b);

/** The pauses cut to [receipt, now] and merged where they overlap or touch, in time order. */
export function pauseWindows(
  pauses: readonly Pause[],
  receivedAt: Temporal.Instant,
  now: Temporal.Instant,
): PauseWindow[] {
  const cut: PauseWindow[] = [];
  for (const [i, pause] of pauses.entries()) {
    const from = toInstant(pause.from, `pauses[${i}].from`);
    const to = pause.to === null ? null : toInstant(pause.to, `pauses[${i}].to`);
    if (to && Temporal.Instant.compare(to, from) < 0) throw new RangeError(`pauses[${i}] ends before it begins`);
    const start = later(from, receivedAt);
    const open = to === null || Temporal.Instant.compare(to, now) > 0;
    const end = open ? now : to;
    if (Temporal.Instant.compare(start, end) < 0) cut.push({ from: start, to: end, open });
  }
  cut.sort((a, b) => Temporal.Instant.compare(a.from, b.from));
  const merged: PauseWindow[] = [];
  for (const window of cut) {
    const last = merged.at(-1);
    if (last && Temporal.Instant.compare(window.from, last.to) <= 0) {
      last.to = later(last.to, window.to);
      last.open ||= window.open;
    } else {
      merged.push({ ...window });
    }
  }
  return merged;
}

/** Calendar days in `timeZone` from the day `window` began to the day it ended. */
export function windowDays(window: PauseWindow, timeZone: string): number {
  return daysBetween(dayOf(window.from, timeZone), dayOf(window.to, timeZone));
}

export interface PausedTime {
  days: number;
  counted: Array<PauseWindow & { days: number }>;
  /** Pauses that began after the period had already ended. */
  ignored: PauseWindow[];
}

/**
 * Adds up the paused days. `periodEnd(days)` is the instant the period ends when `days` paused days are
 * added; a pause beginning at or after that instant, and every later one, adds nothing.
 */
export function pausedTime(
  windows: readonly PauseWindow[],
  timeZone: string,
  periodEnd: (pausedDays: number) => Temporal.Instant,
): PausedTime {
  const result: PausedTime = { days: 0, counted: [], ignored: [] };
  for (const [i, window] of windows.entries()) {
    if (Temporal.Instant.compare(window.from, periodEnd(result.days)) >= 0) {
      result.ignored = windows.slice(i);
      break;
    }
    const days = windowDays(window, timeZone);
    result.days += days;
    result.counted.push({ ...window, days });
  }
  return result;
}
