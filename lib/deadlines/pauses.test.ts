// Clock policy: whether waiting for the data subject (Art. 12(6) GDPR identity proof, clarification) stops
// the Art. 12(3) clock. Received 5 March 2026: one month ends Sunday 5 April; with Easter Monday, due 7 April.
import { describe, expect, it } from "vitest";
import { deadlineFor } from "./test-helpers";

const received = "2026-03-05T09:00:00Z";
const paused = { clockPolicy: "paused_while_awaiting_subject" as const };
const at = (iso: string) => new Date(iso);

describe('clock policy "paused_while_awaiting_subject"', () => {
  it("a 3-day pause adds 3 days: 5 April + 3 = Wednesday 8 April", () => {
    const pauses = [{ from: at("2026-03-10T08:00:00Z"), to: at("2026-03-13T08:00:00Z") }];
    const deadline = deadlineFor(received, { pauses, policy: paused, now: "2026-03-20T00:00:00Z" });
    expect(deadline).toMatchObject({ naiveDue: "2026-04-05", pausedDays: 3, due: "2026-04-08" });
    expect(deadline.reasoning).toContain("Paused from 2026-03-10 to 2026-03-13: 3 days.");
    expect(deadline.reasoning).toContain("2026-04-05 + 3 paused days = 2026-04-08.");
  });

  it("counts calendar days in the controller's time zone: 23:30 to 00:30 Berlin time is one day", () => {
    const pauses = [{ from: at("2026-03-10T22:30:00Z"), to: at("2026-03-10T23:30:00Z") }];
    expect(deadlineFor(received, { pauses, policy: paused, now: "2026-03-20T00:00:00Z" }).pausedDays).toBe(1);
    const sameDay = [{ from: at("2026-03-10T08:00:00Z"), to: at("2026-03-10T17:00:00Z") }];
    expect(deadlineFor(received, { pauses: sameDay, policy: paused, now: "2026-03-20T00:00:00Z" }).pausedDays).toBe(0);
  });

  it("an open pause counts up to now", () => {
    const pauses = [{ from: at("2026-03-20T08:00:00Z"), to: null }];
    const deadline = deadlineFor(received, { pauses, policy: paused, now: "2026-03-24T12:00:00Z" });
    expect(deadline).toMatchObject({ pausedDays: 4, due: "2026-04-09" });
    expect(deadline.reasoning).toContain("Paused from 2026-03-20 to now (2026-03-24): 4 days.");
    // A day later the same open pause has grown by one day.
    expect(deadlineFor(received, { pauses, policy: paused, now: "2026-03-25T12:00:00Z" }).pausedDays).toBe(5);
  });

  it("overlapping pauses count once, and time before receipt not at all", () => {
    const pauses = [
      { from: at("2026-03-01T08:00:00Z"), to: at("2026-03-06T08:00:00Z") }, // from receipt day 5 → 6 March
      { from: at("2026-03-10T08:00:00Z"), to: at("2026-03-13T08:00:00Z") },
      { from: at("2026-03-12T08:00:00Z"), to: at("2026-03-14T08:00:00Z") },
    ];
    const deadline = deadlineFor(received, { pauses, policy: paused, now: "2026-03-20T00:00:00Z" });
    expect(deadline.pausedDays).toBe(1 + 4);
  });

  it("a pause begun after the period had ended adds nothing", () => {
    // Received 5 January 2026: due Thursday 5 February.
    const pauses = [{ from: at("2026-02-10T08:00:00Z"), to: at("2026-02-20T08:00:00Z") }];
    const deadline = deadlineFor("2026-01-05T09:00:00Z", { pauses, policy: paused, now: "2026-03-01T00:00:00Z" });
    expect(deadline).toMatchObject({ pausedDays: 0, due: "2026-02-05" });
    expect(deadline.reasoning).toContain("A pause begun 2026-02-10 came after the period had ended.");
  });

  it("a pause that begins before the end counts in full, even past the original end", () => {
    const pauses = [{ from: at("2026-02-05T08:00:00Z"), to: at("2026-02-15T08:00:00Z") }];
    const deadline = deadlineFor("2026-01-05T09:00:00Z", { pauses, policy: paused, now: "2026-03-01T00:00:00Z" });
    expect(deadline).toMatchObject({ pausedDays: 10, due: "2026-02-16" }); // 15 Feb is a Sunday
  });

  it("rejects a pause that ends before it begins", () => {
    const pauses = [{ from: at("2026-03-13T08:00:00Z"), to: at("2026-03-10T08:00:00Z") }];
    expect(() => deadlineFor(received, { pauses, policy: paused })).toThrow(/pauses\[0\] ends before it begins/);
  });
});

describe('clock policy "running" (the default)', () => {
  it("ignores pauses and says so", () => {
    const pauses = [{ from: at("2026-03-10T08:00:00Z"), to: null }];
    const deadline = deadlineFor(received, { pauses, now: "2026-03-20T00:00:00Z" });
    expect(deadline).toMatchObject({ clockPolicy: "running", pausedDays: 0, due: "2026-04-07" });
    expect(deadline.reasoning.join(" ")).toMatch(/"running".*the recorded pause does not move the deadline/);
  });
});
