// Every kind of German public holiday that can end a period, and where the states differ
// (Reg. 1182/71 Art. 3(4): the period runs on to the next working day of the controller's place).
import { describe, expect, it } from "vitest";
import { deadlineFor, dueFor } from "./test-helpers";

const nw = { policy: { region: "DE-NW" } };
const be = { policy: { region: "DE-BE" } };

describe("German public holidays move the end of the period (Reg. 1182/71 Art. 3(4))", () => {
  it.each([
    // received,   due,          skipped holiday,             notes
    ["2025-12-01", "2026-01-02", "Neujahr"], // Thursday 1 January 2026
    ["2026-03-06", "2026-04-07", "Ostermontag"],
    ["2026-04-14", "2026-05-15", "Christi Himmelfahrt"], // Thursday
    ["2026-04-25", "2026-05-26", "Pfingstmontag"],
    ["2028-09-03", "2028-10-04", "Tag der Deutschen Einheit"], // Tuesday
    ["2029-11-25", "2029-12-27", "1. Weihnachtstag"], // Tuesday, then 2. Weihnachtstag
    ["2029-11-26", "2029-12-27", "2. Weihnachtstag"], // Wednesday
  ])("received %s in DE-NW → due %s (%s)", (received, due, holiday) => {
    const deadline = deadlineFor(`${received}T10:00:00Z`, nw);
    expect(deadline.due).toBe(due);
    expect(deadline.skipped[0]).toEqual({ date: deadline.naiveDue, reason: "public_holiday", holiday });
  });

  it("Karfreitag, a Saturday, Easter Sunday and Ostermontag in a row: 3 April 2026 → Tuesday 7 April", () => {
    const deadline = deadlineFor("2026-03-03T10:00:00Z", nw);
    expect(deadline.due).toBe("2026-04-07");
    expect(deadline.skipped).toEqual([
      { date: "2026-04-03", reason: "public_holiday", holiday: "Karfreitag" },
      { date: "2026-04-04", reason: "saturday" },
      { date: "2026-04-05", reason: "sunday" },
      { date: "2026-04-06", reason: "public_holiday", holiday: "Ostermontag" },
    ]);
  });

  it("1. Mai on a Friday, then the weekend: 1 May 2026 → Monday 4 May", () => {
    const deadline = deadlineFor("2026-04-01T10:00:00Z", nw);
    expect(deadline.due).toBe("2026-05-04");
    expect(deadline.skipped[0]).toEqual({ date: "2026-05-01", reason: "public_holiday", holiday: "Maifeiertag" });
  });

  it("Fronleichnam is a public holiday in NW but not in Berlin (4 June 2026)", () => {
    expect(dueFor("2026-05-04", nw)).toBe("2026-06-05");
    expect(dueFor("2026-05-04", be)).toBe("2026-06-04");
  });

  it("Allerheiligen is a public holiday in NW but not in Berlin (1 November 2027)", () => {
    expect(dueFor("2027-10-01", nw)).toBe("2027-11-02");
    expect(dueFor("2027-10-01", be)).toBe("2027-11-01");
  });

  it.each(["DE-BB", "DE-SN", "DE-TH"])(
    "Reformationstag (31 October) is a public holiday in %s but not in NW (extended period, 2029)",
    (region) => {
      const deadline = deadlineFor("2029-07-31T10:00:00Z", { extended: true, policy: { region } });
      expect(deadline).toMatchObject({ naiveDue: "2029-10-31", due: "2029-11-01" });
      expect(deadline.skipped).toEqual([{ date: "2029-10-31", reason: "public_holiday", holiday: "Reformationstag" }]);
      expect(deadlineFor("2029-07-31T10:00:00Z", { extended: true, ...nw }).due).toBe("2029-10-31");
    },
  );

  it("a Sunday then Reformationstag (BB, 2022): 30 October → Tuesday 1 November; NW: Monday 31 October", () => {
    expect(dueFor("2022-09-30", { policy: { region: "DE-BB" } })).toBe("2022-11-01");
    expect(dueFor("2022-09-30", nw)).toBe("2022-10-31");
  });

  it("Christmas then the weekend: Friday 25 December 2026 → Monday 28 December", () => {
    const deadline = deadlineFor("2026-11-25T10:00:00Z", nw);
    expect(deadline.due).toBe("2026-12-28");
    expect(deadline.skipped).toEqual([
      { date: "2026-12-25", reason: "public_holiday", holiday: "1. Weihnachtstag" },
      { date: "2026-12-26", reason: "saturday", holiday: "2. Weihnachtstag" },
      { date: "2026-12-27", reason: "sunday" },
    ]);
    expect(deadline.reasoning).toContain(
      "2026-12-26 is a Saturday and a public holiday in DE-NW (2. Weihnachtstag), so the period runs on to the " +
        "next day (Reg. 1182/71 Art. 3(4)).",
    );
  });

  it("Christmas on the weekend (2027): 25 December → Monday 27 December", () => {
    expect(dueFor("2027-11-25", nw)).toBe("2027-12-27");
  });

  it("Neujahr on a Friday, then the weekend: 1 January 2027 → Monday 4 January", () => {
    expect(dueFor("2026-12-01", nw)).toBe("2027-01-04");
  });

  it("Heiligabend and Silvester are not public holidays (only type public counts)", () => {
    expect(dueFor("2027-11-24", nw)).toBe("2027-12-24"); // Friday
    expect(dueFor("2029-11-30", nw)).toBe("2029-12-31"); // Monday
  });

  it("the country alone uses only nationwide holidays: Fronleichnam does not count for DE", () => {
    expect(dueFor("2026-05-04", { policy: { region: "DE" } })).toBe("2026-06-04");
    expect(dueFor("2026-03-06", { policy: { region: "DE" } })).toBe("2026-04-07");
  });
});
