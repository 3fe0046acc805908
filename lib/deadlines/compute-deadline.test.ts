import { describe, expect, it } from "vitest";
import { computeDeadline } from "./compute-deadline";
import { deadlineFor, dueFor, policyWith } from "./test-helpers";

describe("one month from receipt (Art. 12(3) GDPR, Reg. 1182/71 Art. 3(2)(c))", () => {
  it("EDPB example: received 5 March, due 5 April when 5 April is a working day (2027: Monday)", () => {
    const deadline = deadlineFor("2027-03-05T09:00:00Z");
    expect(deadline).toMatchObject({ receiptDate: "2027-03-05", months: 1, naiveDue: "2027-04-05", due: "2027-04-05" });
    expect(deadline.skipped).toEqual([]);
  });

  it("EDPB example in 2026: 5 April is Easter Sunday and 6 April Easter Monday, so due 7 April (Reg. 1182/71 Art. 3(4))", () => {
    const deadline = deadlineFor("2026-03-05T09:00:00Z");
    expect(deadline.naiveDue).toBe("2026-04-05");
    expect(deadline.due).toBe("2026-04-07");
    expect(deadline.skipped).toEqual([
      { date: "2026-04-05", reason: "sunday" },
      { date: "2026-04-06", reason: "public_holiday", holiday: "Ostermontag" },
    ]);
  });

  it("31 January → 28 February in a non-leap year (2025: a Friday)", () => {
    expect(deadlineFor("2025-01-31T10:00:00Z")).toMatchObject({ naiveDue: "2025-02-28", due: "2025-02-28" });
  });

  it("31 January → 28 February 2026, a Saturday, so Monday 2 March", () => {
    const deadline = deadlineFor("2026-01-31T10:00:00Z");
    expect(deadline).toMatchObject({ naiveDue: "2026-02-28", due: "2026-03-02" });
    expect(deadline.skipped.map((s) => s.reason)).toEqual(["saturday", "sunday"]);
  });

  it("31 January → 29 February in the leap year 2028", () => {
    expect(deadlineFor("2028-01-31T10:00:00Z")).toMatchObject({ naiveDue: "2028-02-29", due: "2028-02-29" });
  });

  it("29 and 30 January → last day of February; 29 January 2028 → 29 February", () => {
    expect(deadlineFor("2025-01-29T10:00:00Z").naiveDue).toBe("2025-02-28");
    expect(deadlineFor("2025-01-30T10:00:00Z").naiveDue).toBe("2025-02-28");
    expect(deadlineFor("2028-01-29T10:00:00Z").naiveDue).toBe("2028-02-29");
  });

  it.each([
    ["2026-03-31", "2026-04-30"],
    ["2027-05-31", "2027-06-30"],
    ["2026-08-31", "2026-09-30"],
    ["2026-10-31", "2026-11-30"],
  ])("the 31st of a month → the 30th of a shorter month: %s → %s", (received, due) => {
    const deadline = deadlineFor(`${received}T10:00:00Z`);
    expect(deadline.naiveDue).toBe(due);
    expect(deadline.due).toBe(due);
  });

  it("30 April → 30 May: the same date exists, so nothing is shortened", () => {
    expect(deadlineFor("2026-04-30T10:00:00Z").naiveDue).toBe("2026-05-30");
  });

  it("31 December → 31 January of the next year", () => {
    expect(deadlineFor("2024-12-31T10:00:00Z")).toMatchObject({ naiveDue: "2025-01-31", due: "2025-01-31" });
    // 31 January 2027 is a Sunday.
    expect(deadlineFor("2026-12-31T10:00:00Z")).toMatchObject({ naiveDue: "2027-01-31", due: "2027-02-01" });
  });

  it("explains the shortened month in the reasoning", () => {
    expect(deadlineFor("2026-01-30T23:30:00Z").reasoning).toEqual([
      "Received 2026-01-31 (Europe/Berlin; the instant 2026-01-30T23:30:00Z); the period counts from that day " +
        "(Reg. 1182/71 Art. 3(1)).",
      "Period: one month from receipt (Art. 12(3) GDPR).",
      "One month later: 2026-02-31 does not exist, so the last day of February: 2026-02-28 (Reg. 1182/71 Art. 3(2)(c)).",
      'Clock policy "running": the period keeps running while waiting for the data subject.',
      "2026-02-28 is a Saturday, so the period runs on to the next day (Reg. 1182/71 Art. 3(4)).",
      "2026-03-01 is a Sunday, so the period runs on to the next day (Reg. 1182/71 Art. 3(4)).",
      "Due 2026-03-02 (Monday): the period ends at the end of that day, 2026-03-03T00:00:00+01:00 (Europe/Berlin).",
    ]);
  });
});

describe("extension to three months (Art. 12(3) GDPR)", () => {
  it("30 November → 28 February (2027: a Sunday, so 1 March)", () => {
    const deadline = deadlineFor("2026-11-30T10:00:00Z", { extended: true });
    expect(deadline).toMatchObject({ months: 3, naiveDue: "2027-02-28", due: "2027-03-01" });
  });

  it("30 November 2027 → 29 February 2028 (leap year, a Tuesday)", () => {
    expect(deadlineFor("2027-11-30T10:00:00Z", { extended: true })).toMatchObject({
      months: 3,
      naiveDue: "2028-02-29",
      due: "2028-02-29",
    });
  });

  it("30 November 2024 → 28 February 2025 and says why", () => {
    const deadline = deadlineFor("2024-11-30T10:00:00Z", { extended: true });
    expect(deadline.due).toBe("2025-02-28");
    expect(deadline.reasoning).toContain(
      "Three months later: 2025-02-30 does not exist, so the last day of February: 2025-02-28 (Reg. 1182/71 Art. 3(2)(c)).",
    );
    expect(deadline.reasoning[1]).toMatch(/three months .*Art\. 12\(3\) GDPR/);
  });

  it("5 March → 5 June", () => {
    expect(deadlineFor("2026-03-05T10:00:00Z", { extended: true })).toMatchObject({
      months: 3,
      naiveDue: "2026-06-05",
      due: "2026-06-05",
    });
  });
});

describe("the day of receipt is a day in the controller's time zone (EDPB 01/2022 section 5.3)", () => {
  it("2026-01-30T23:30:00Z is already 31 January in Berlin", () => {
    expect(deadlineFor("2026-01-30T23:30:00Z").receiptDate).toBe("2026-01-31");
    expect(deadlineFor("2026-01-30T22:59:59.999Z").receiptDate).toBe("2026-01-30");
  });

  it("a minute either side of midnight in summer time gives different due dates", () => {
    // 2026-06-09T22:30Z is 00:30 on 10 June in Berlin (UTC+2).
    expect(deadlineFor("2026-06-09T21:59:59Z")).toMatchObject({ receiptDate: "2026-06-09", due: "2026-07-09" });
    expect(deadlineFor("2026-06-09T22:30:00Z")).toMatchObject({ receiptDate: "2026-06-10", due: "2026-07-10" });
  });

  it("receipt on the night the clocks go forward (2026-03-29, Europe/Berlin)", () => {
    expect(deadlineFor("2026-03-28T22:59:59Z").receiptDate).toBe("2026-03-28");
    expect(deadlineFor("2026-03-28T23:00:00Z").receiptDate).toBe("2026-03-29"); // 00:00 CET
    expect(deadlineFor("2026-03-29T00:59:00Z").receiptDate).toBe("2026-03-29"); // 01:59 CET
    const deadline = deadlineFor("2026-03-29T01:00:00Z"); // 03:00 CEST, one hour later by the clock
    expect(deadline).toMatchObject({ receiptDate: "2026-03-29", naiveDue: "2026-04-29", due: "2026-04-29" });
    expect(deadline.dueAt.toISOString()).toBe("2026-04-29T22:00:00.000Z");
    expect(deadlineFor("2026-03-29T21:59:59Z").receiptDate).toBe("2026-03-29"); // 23:59:59 CEST
    expect(deadlineFor("2026-03-29T22:00:00Z").receiptDate).toBe("2026-03-30");
  });

  it("receipt on the night the clocks go back (2026-10-25, Europe/Berlin): 02:30 happens twice", () => {
    expect(deadlineFor("2026-10-24T21:59:59Z").receiptDate).toBe("2026-10-24"); // 23:59:59 CEST
    expect(deadlineFor("2026-10-24T22:00:00Z").receiptDate).toBe("2026-10-25");
    expect(deadlineFor("2026-10-25T00:30:00Z").due).toBe("2026-11-25"); // 02:30 CEST
    expect(deadlineFor("2026-10-25T01:30:00Z").due).toBe("2026-11-25"); // 02:30 CET
    expect(deadlineFor("2026-10-25T22:59:59Z").receiptDate).toBe("2026-10-25"); // 23:59:59 CET
    expect(deadlineFor("2026-10-25T23:00:00Z").receiptDate).toBe("2026-10-26");
  });
});

describe("dueAt: the period ends at the end of the due day in the time zone (Reg. 1182/71 Art. 3(2)(c))", () => {
  it("is midnight local time, which is 23:00Z in winter and 22:00Z in summer", () => {
    expect(deadlineFor("2026-02-27T10:00:00Z")).toMatchObject({
      due: "2026-03-27",
      dueAtLocal: "2026-03-28T00:00:00+01:00",
    });
    expect(deadlineFor("2026-02-27T10:00:00Z").dueAt.toISOString()).toBe("2026-03-27T23:00:00.000Z");
  });

  it("across the spring change: due Saturday 28 March 2026 moves past Sunday 29 March to Monday 30 March (CEST)", () => {
    const deadline = deadlineFor("2026-02-28T10:00:00Z");
    expect(deadline.due).toBe("2026-03-30");
    expect(deadline.dueAt.toISOString()).toBe("2026-03-30T22:00:00.000Z");
    expect(deadline.dueAtLocal).toBe("2026-03-31T00:00:00+02:00");
  });

  it("across the autumn change: due Saturday 24 October 2026 moves past Sunday 25 October to Monday 26 (CET)", () => {
    const before = deadlineFor("2026-09-23T10:00:00Z");
    expect(before.due).toBe("2026-10-23");
    expect(before.dueAt.toISOString()).toBe("2026-10-23T22:00:00.000Z");
    const after = deadlineFor("2026-09-24T10:00:00Z");
    expect(after.due).toBe("2026-10-26");
    expect(after.dueAt.toISOString()).toBe("2026-10-26T23:00:00.000Z");
  });

  it("where the clocks jump at midnight, the next day starts at 01:00 (Africa/Cairo, 26 April 2024)", () => {
    const deadline = deadlineFor("2024-03-25T10:00:00Z", { policy: { timeZone: "Africa/Cairo", region: "DE" } });
    expect(deadline.due).toBe("2024-04-25");
    expect(deadline.dueAtLocal).toBe("2024-04-26T01:00:00+03:00");
    expect(deadline.dueAt.toISOString()).toBe("2024-04-25T22:00:00.000Z");
  });
  it("a due day of 23 or 25 hours ends at the next midnight, not 24 hours after it began (Asia/Tehran 2021)", () => {
    // Iran's clocks jumped from 00:00 to 01:00 on Monday 22 March 2021 and fell back on Tuesday 21 September.
    const tehran = { policy: { timeZone: "Asia/Tehran", region: "DE" } };
    const spring = deadlineFor("2021-02-22T06:00:00Z", tehran);
    expect(spring.due).toBe("2021-03-22");
    expect(spring.dueAtLocal).toBe("2021-03-23T00:00:00+04:30");
    expect(spring.dueAt.toISOString()).toBe("2021-03-22T19:30:00.000Z");
    const autumn = deadlineFor("2021-08-21T06:00:00Z", tehran);
    expect(autumn.due).toBe("2021-09-21");
    expect(autumn.dueAtLocal).toBe("2021-09-22T00:00:00+03:30");
    expect(autumn.dueAt.toISOString()).toBe("2021-09-21T20:30:00.000Z");
  });
});

describe("a controller outside Berlin", () => {
  it("America/New_York with New York's holidays: receipt in the evening is still 3 June there", () => {
    // 2026-06-04T02:00Z is 22:00 on 3 June in New York. 3 July 2026 is the Independence Day substitute
    // (a Friday), 4 July a Saturday: due Monday 6 July.
    const deadline = deadlineFor("2026-06-04T02:00:00Z", { policy: { timeZone: "America/New_York", region: "US-NY" } });
    expect(deadline).toMatchObject({ receiptDate: "2026-06-03", naiveDue: "2026-07-03", due: "2026-07-06" });
    expect(deadline.skipped.map((s) => s.reason)).toEqual(["public_holiday", "saturday", "sunday"]);
    expect(deadline.dueAt.toISOString()).toBe("2026-07-07T04:00:00.000Z");
  });

  it("Austria: Mariä Empfängnis (8 December) ends no period in AT but does in DE-NW", () => {
    expect(dueFor("2026-11-08", { policy: { region: "AT", timeZone: "Europe/Vienna" } })).toBe("2026-12-09");
    expect(dueFor("2026-11-08")).toBe("2026-12-08");
  });
});

describe("bad input", () => {
  it("rejects an unknown region, an unknown time zone and an invalid date", () => {
    const at = { receivedAt: new Date("2026-01-31T10:00:00Z"), extended: false };
    expect(() => computeDeadline(at, policyWith({ region: "DE-XX" }))).toThrow(/unknown holiday region "DE-XX"/);
    expect(() => computeDeadline(at, policyWith({ timeZone: "Mars/Base" }))).toThrow(/unknown time zone "Mars\/Base"/);
    expect(() => computeDeadline({ receivedAt: new Date("nope"), extended: false }, policyWith())).toThrow(
      /receivedAt is not a valid date/,
    );
  });
});
