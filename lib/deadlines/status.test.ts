// Where a request stands against the Art. 12(3) GDPR deadline. Received 5 March 2026 → due Tuesday
// 7 April 2026, ending at 2026-04-08T00:00+02:00 = 2026-04-07T22:00:00Z.
import { describe, expect, it } from "vitest";
import { deadlineStatus } from "./status";
import { deadlineFor, policyWith } from "./test-helpers";

const deadline = deadlineFor("2026-03-05T09:00:00Z");
const status = (now: string, dueSoonDays = 7) => deadlineStatus(deadline, new Date(now), policyWith({ dueSoonDays }));

describe("deadlineStatus", () => {
  it("is on track more than dueSoonDays calendar days before the due day", () => {
    expect(deadline.dueAt.toISOString()).toBe("2026-04-07T22:00:00.000Z");
    expect(status("2026-03-06T10:00:00Z")).toEqual({ daysLeft: 32, state: "on_track" });
    expect(status("2026-03-30T21:59:59Z")).toEqual({ daysLeft: 8, state: "on_track" }); // 23:59:59 on 30 March
  });

  it("is due soon from dueSoonDays days before, counted in the controller's time zone", () => {
    expect(status("2026-03-30T22:00:00Z")).toEqual({ daysLeft: 7, state: "due_soon" }); // 00:00 on 31 March
    expect(status("2026-04-07T08:00:00Z")).toEqual({ daysLeft: 0, state: "due_soon" });
  });

  it("is still due soon in the last millisecond of the due day, and overdue from dueAt", () => {
    expect(status("2026-04-07T21:59:59.999Z")).toEqual({ daysLeft: 0, state: "due_soon" });
    expect(status("2026-04-07T22:00:00Z")).toEqual({ daysLeft: -1, state: "overdue" });
    expect(status("2026-04-20T10:00:00Z")).toEqual({ daysLeft: -13, state: "overdue" });
  });

  it("with dueSoonDays 0 only the due day itself is due soon", () => {
    expect(status("2026-04-06T10:00:00Z", 0)).toEqual({ daysLeft: 1, state: "on_track" });
    expect(status("2026-04-07T10:00:00Z", 0)).toEqual({ daysLeft: 0, state: "due_soon" });
  });
});
