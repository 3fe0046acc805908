// The metrics page's arithmetic (pure): nearest-rank percentiles, closing times by type and month in
// the controller's zone, on-time rate, due weeks, refusal grounds.
import { describe, expect, it } from "vitest";
import { closingTimes, type ClosedRequest } from "./closing-times";
import { dueWeeks } from "./due-weeks";
import { percentile } from "./percentile";
import { refusalGrounds } from "./refusal-grounds";

const at = (iso: string) => new Date(iso);

describe("metrics", () => {
  it("percentiles by nearest rank are observed values", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([10, 1, 7, 3, 5, 9, 2, 8, 4, 6], 90)).toBe(9);
    expect(percentile([10, 1, 7, 3, 5, 9, 2, 8, 4, 6], 100)).toBe(10);
    expect(() => percentile([1], 0)).toThrow(RangeError);
  });

  it("closing times by type and month of closing (Berlin), on time against the period in force", () => {
    const requests: ClosedRequest[] = [
      // Closed 31 Jan 23:30 UTC = 1 Feb in Berlin: a February closing. 10.0 days, on time.
      {
        type: "access",
        status: "completed",
        receivedAt: at("2026-01-21T23:30:00Z"),
        closedAt: at("2026-01-31T23:30:00Z"),
        dueAt: at("2026-02-21T23:00:00Z"),
        extendedAt: null,
      },
      // 40.5 days, late against the first month, but extended: on time.
      {
        type: "access",
        status: "completed",
        receivedAt: at("2026-01-01T00:00:00Z"),
        closedAt: at("2026-02-10T12:00:00Z"),
        dueAt: at("2026-04-01T22:00:00Z"),
        extendedAt: at("2026-01-20T00:00:00Z"),
      },
      // Late.
      {
        type: "erasure",
        status: "refused",
        receivedAt: at("2026-01-01T00:00:00Z"),
        closedAt: at("2026-02-05T00:00:00Z"),
        dueAt: at("2026-02-01T23:00:00Z"),
        extendedAt: null,
      },
      // A withdrawal after the due day still counts as on time: nothing was owed after it.
      {
        type: "erasure",
        status: "withdrawn",
        receivedAt: at("2026-02-01T00:00:00Z"),
        closedAt: at("2026-03-15T00:00:00Z"),
        dueAt: at("2026-03-01T23:00:00Z"),
        extendedAt: null,
      },
    ];
    const summary = closingTimes(requests, "Europe/Berlin");
    expect(summary).toMatchObject({ closed: 4, onTime: 3, onTimeRate: 0.75, extensions: 1 });
    expect(summary.rows).toEqual([
      { type: "erasure", month: "2026-03", count: 1, medianDays: 42, p90Days: 42 },
      { type: "access", month: "2026-02", count: 2, medianDays: 10, p90Days: 40.5 },
      { type: "erasure", month: "2026-02", count: 1, medianDays: 35, p90Days: 35 },
    ]);
    expect(closingTimes([], "Europe/Berlin")).toMatchObject({ closed: 0, onTimeRate: null, rows: [] });
  });

  it("due weeks: overdue, each week from today's Monday (empty ones too), later", () => {
    // 2026-12-02 is a Wednesday: the first week starts Monday 30 November.
    const weeks = dueWeeks(
      ["2026-12-01", "2026-12-02", "2026-12-06", "2026-12-07", "2027-01-25", "2027-03-01"],
      "2026-12-02",
      3,
    );
    expect(weeks).toEqual([
      { key: "overdue", count: 1 },
      { key: "2026-11-30", count: 2 },
      { key: "2026-12-07", count: 1 },
      { key: "2026-12-14", count: 0 },
      { key: "later", count: 2 },
    ]);
  });

  it("refusal grounds are counted from the entries' details; unreadable details count for none", () => {
    const counts = refusalGrounds([
      JSON.stringify({ refusal: { grounds: ["manifestly_unfounded", "excessive"] } }),
      JSON.stringify({ summary: { text: "x" }, refusal: { grounds: ["legal_exception"] } }),
      JSON.stringify({ refusal: { grounds: ["legal_exception"] } }),
      "not json",
      JSON.stringify({ other: true }),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ manifestly_unfounded: 1, excessive: 1, legal_exception: 2 });
  });
});
