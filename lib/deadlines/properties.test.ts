// Properties of the Art. 12(3) GDPR deadline that must hold for every receipt instant, zone and German state.
// The expected values are computed here independently of the engine: calendar days with Intl (not Temporal),
// months by hand (Reg. 1182/71 Art. 3(2)(c)), holidays from a separate date-holidays instance.
import Holidays from "date-holidays";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDeadline } from "./compute-deadline";
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from "./policy";

// Zones with the awkward cases: EU DST, southern-hemisphere DST, half-hour DST (Lord Howe), DST at midnight
// on weekdays (Tehran, Cairo), a 5:30 offset, DST at midnight in the past (Sao Paulo).
const ZONES = [
  "Europe/Berlin",
  "Europe/Vienna",
  "Europe/Lisbon",
  "America/New_York",
  "America/Sao_Paulo",
  "Australia/Lord_Howe",
  "Asia/Tehran",
  "Africa/Cairo",
  "Asia/Kolkata",
  "UTC",
];
const STATES = ["BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH"];
const REGIONS = ["DE", ...STATES.map((state) => `DE-${state}`)];

const MIN = Date.UTC(2000, 0, 1);
const MAX = Date.UTC(2100, 11, 31, 23, 59, 59, 999);
const instant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms));
const policy = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    region: fc.constantFrom(...REGIONS),
  })
  .map((p): DeadlinePolicy => ({ ...DEFAULT_DEADLINE_POLICY, ...p }));
const RUNS = { numRuns: 1000 };

const formatters = new Map<string, Intl.DateTimeFormat>();
/** "YYYY-MM-DD" of `date` in `timeZone`, via Intl. */
function localDay(date: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  return format.format(date);
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const ymd = (day: string) => day.split("-").map(Number) as [number, number, number];
const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
function plusDays(day: string, days: number): string {
  const [y, m, d] = ymd(day);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
/** Same date `months` later, or that month's last day. */
function monthsLater(day: string, months: number): string {
  const [y, m, d] = ymd(day);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(d, lastDay));
}

const holidayCalendars = new Map<string, Set<string>>();
function isPublicHoliday(day: string, region: string): boolean {
  const year = Number(day.slice(0, 4));
  const key = `${region}:${year}`;
  let dates = holidayCalendars.get(key);
  if (!dates) {
    const [country = "", state] = region.split("-");
    const calendar = state ? new Holidays(country, state) : new Holidays(country);
    dates = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCalendars.set(key, dates);
  }
  return dates.has(day);
}

describe("deadline properties (Art. 12(3) GDPR, Reg. 1182/71 Art. 3)", () => {
  it("the receipt day is the calendar day in the zone and the naive due is the same date months later", () => {
    fc.assert(
      fc.property(instant, policy, fc.boolean(), (receivedAt, p, extended) => {
        const deadline = computeDeadline({ receivedAt, extended }, p);
        expect(deadline.receiptDate).toBe(localDay(receivedAt, p.timeZone));
        expect(deadline.months).toBe(extended ? 3 : 1);
        expect(deadline.naiveDue).toBe(monthsLater(deadline.receiptDate, extended ? 3 : 1));
      }),
      RUNS,
    );
  });

  it("the due day is never a Saturday, Sunday or public holiday (Art. 3(4)) and never before the naive due", () => {
    fc.assert(
      fc.property(instant, policy, fc.boolean(), (receivedAt, p, extended) => {
        const deadline = computeDeadline({ receivedAt, extended }, p);
        expect([0, 6]).not.toContain(weekday(deadline.due));
        expect(isPublicHoliday(deadline.due, p.region)).toBe(false);
        expect(deadline.due >= deadline.naiveDue).toBe(true);
        // Every day in between was skipped, and for a reason.
        const between = [];
        for (let day = deadline.naiveDue; day < deadline.due; day = plusDays(day, 1)) between.push(day);
        expect(deadline.skipped.map((s) => s.date)).toEqual(between);
        for (const day of between) expect(weekday(day) % 6 === 0 || isPublicHoliday(day, p.region)).toBe(true);
      }),
      RUNS,
    );
  });

  it("is monotone: a later receipt never gives an earlier due day", () => {
    fc.assert(
      fc.property(instant, instant, policy, fc.boolean(), (a, b, p, extended) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = computeDeadline({ receivedAt: early, extended }, p);
        const second = computeDeadline({ receivedAt: late, extended }, p);
        expect(first.due <= second.due).toBe(true);
        expect(first.dueAt.getTime()).toBeLessThanOrEqual(second.dueAt.getTime());
      }),
      RUNS,
    );
  });

  it("the extended due is counted from three months and never earlier than the one-month due", () => {
    fc.assert(
      fc.property(instant, policy, (receivedAt, p) => {
        const one = computeDeadline({ receivedAt, extended: false }, p);
        const three = computeDeadline({ receivedAt, extended: true }, p);
        expect(three.naiveDue).toBe(monthsLater(one.receiptDate, 3));
        expect(three.due > one.due).toBe(true);
      }),
      RUNS,
    );
  });

  it("dueAt is exactly the start of the day after the due day in the zone", () => {
    fc.assert(
      fc.property(instant, policy, fc.boolean(), (receivedAt, p, extended) => {
        const deadline = computeDeadline({ receivedAt, extended }, p);
        expect(localDay(deadline.dueAt, p.timeZone)).toBe(plusDays(deadline.due, 1));
        expect(localDay(new Date(deadline.dueAt.getTime() - 1), p.timeZone)).toBe(deadline.due);
      }),
      RUNS,
    );
  });

  it('pauses never shorten the period, and under "running" they change nothing', () => {
    const pause = fc
      .tuple(fc.integer({ min: 0, max: 40 * 86_400_000 }), fc.option(fc.integer({ min: 0, max: 20 * 86_400_000 })))
      .map(([start, length]) => ({ start, length }));
    fc.assert(
      fc.property(instant, policy, fc.array(pause, { maxLength: 3 }), (receivedAt, p, raw) => {
        const pauses = raw.map(({ start, length }) => ({
          from: new Date(receivedAt.getTime() + start),
          to: length === null ? null : new Date(receivedAt.getTime() + start + length),
        }));
        const now = new Date(receivedAt.getTime() + 45 * 86_400_000);
        const plain = computeDeadline({ receivedAt, extended: false }, p, now);
        const running = computeDeadline({ receivedAt, extended: false, pauses }, p, now);
        const paused = computeDeadline(
          { receivedAt, extended: false, pauses },
          { ...p, clockPolicy: "paused_while_awaiting_subject" },
          now,
        );
        expect(running.due).toBe(plain.due);
        expect(running.pausedDays).toBe(0);
        expect(paused.due >= plain.due).toBe(true);
        expect(paused.due >= plusDays(plain.naiveDue, paused.pausedDays)).toBe(true);
      }),
      RUNS,
    );
  });
});
