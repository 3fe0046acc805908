// One date style per language (en-GB, de-DE), 24-hour times with the zone's name, and the
// controller's zone at the edges of daylight saving time (Europe/Berlin: clocks go forward at
// 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last Sunday of October).
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatMonth } from "./index";

const BERLIN = "Europe/Berlin";

describe("formatDay", () => {
  it.each([
    ["2026-11-30", "en", "30 November 2026"],
    ["2026-11-30", "de", "30. November 2026"],
    ["2027-02-02", "en", "2 February 2027"],
    ["2027-02-02", "de", "2. Februar 2027"],
    ["2026-03-01", "de", "1. März 2026"],
    ["2028-02-29", "en", "29 February 2028"],
  ] as const)("%s in %s is %s", (day, locale, text) => {
    expect(formatDay(day, locale)).toBe(text);
  });

  it("is the day as given, whatever zone the process runs in (a day has no zone)", () => {
    // Midnight UTC is still the evening before in America; the day must not move.
    expect(formatDay("2026-01-01", "en")).toBe("1 January 2026");
    expect(formatDay("2026-12-31", "de")).toBe("31. Dezember 2026");
  });

  it.each(["2026-02-30", "2026-13-01", "30.11.2026", "2026-1-5", "", "2026-11-30T00:00:00Z"])("refuses %j", (day) => {
    expect(() => formatDay(day, "en")).toThrow(RangeError);
  });
});

describe("formatDate", () => {
  it("is the day in the controller's zone, not in UTC", () => {
    const lateEvening = new Date("2026-11-30T23:30:00Z"); // 00:30 on 1 December in Berlin
    expect(formatDate(lateEvening, "en", BERLIN)).toBe("1 December 2026");
    expect(formatDate(lateEvening, "de", BERLIN)).toBe("1. Dezember 2026");
    expect(formatDate(lateEvening, "en", "UTC")).toBe("30 November 2026");
  });
});

describe("formatDateTime", () => {
  it("uses the 24-hour clock and names the zone, in both languages", () => {
    const afternoon = new Date("2026-11-30T13:05:00Z");
    expect(formatDateTime(afternoon, "en", BERLIN)).toBe("30 November 2026 at 14:05 CET");
    expect(formatDateTime(afternoon, "de", BERLIN)).toBe("30. November 2026 um 14:05 MEZ");
    const morning = new Date("2026-07-01T06:02:00Z");
    expect(formatDateTime(morning, "en", BERLIN)).toBe("1 July 2026 at 08:02 CEST");
    expect(formatDateTime(morning, "de", BERLIN)).toBe("1. Juli 2026 um 08:02 MESZ");
  });

  it("shows midnight as 00:00, never 24:00 or 12 AM", () => {
    const midnight = new Date("2026-11-29T23:00:00Z");
    expect(formatDateTime(midnight, "en", BERLIN)).toBe("30 November 2026 at 00:00 CET");
    expect(formatDateTime(midnight, "de", BERLIN)).toBe("30. November 2026 um 00:00 MEZ");
  });

  it("spring forward: 01:59 CET is followed by 03:00 CEST", () => {
    expect(formatDateTime(new Date("2026-03-29T00:59:00Z"), "en", BERLIN)).toBe("29 March 2026 at 01:59 CET");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"), "en", BERLIN)).toBe("29 March 2026 at 03:00 CEST");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"), "de", BERLIN)).toBe("29. März 2026 um 03:00 MESZ");
  });

  it("fall back: the hour from 02:00 to 03:00 happens twice, and the zone's name tells which", () => {
    const first = formatDateTime(new Date("2026-10-25T00:30:00Z"), "en", BERLIN);
    const second = formatDateTime(new Date("2026-10-25T01:30:00Z"), "en", BERLIN);
    expect(first).toBe("25 October 2026 at 02:30 CEST");
    expect(second).toBe("25 October 2026 at 02:30 CET");
    expect(formatDateTime(new Date("2026-10-25T01:30:00Z"), "de", BERLIN)).toBe("25. Oktober 2026 um 02:30 MEZ");
  });

  it("names a zone without a name in the language by its offset", () => {
    expect(formatDateTime(new Date("2026-11-30T13:05:00Z"), "en", "Asia/Kolkata")).toBe(
      "30 November 2026 at 18:35 GMT+5:30",
    );
  });
});

describe("formatMonth", () => {
  it("names the month in each language, and refuses what is no month", () => {
    expect(formatMonth("2026-11", "en")).toBe("November 2026");
    expect(formatMonth("2026-03", "de")).toBe("März 2026");
    for (const bad of ["2026-13", "2026-00", "2026-1", "november"])
      expect(() => formatMonth(bad, "en")).toThrow(RangeError);
  });
});
