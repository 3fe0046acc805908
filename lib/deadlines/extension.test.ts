// Art. 12(3) GDPR: an extension by two further months must be notified within the first month.
// Received 5 March 2026: the first month ends at the end of Tuesday 7 April (2026-04-07T22:00:00Z).
import { describe, expect, it } from "vitest";
import { extensionAllowed } from "./extension";
import type { Pause } from "./pauses";
import { policyWith } from "./test-helpers";

const received = new Date("2026-03-05T09:00:00Z");
const check = (now: string, policy = policyWith(), pauses?: Pause[]) =>
  extensionAllowed(received, new Date(now), policy, pauses);

describe("extensionAllowed (Art. 12(3) GDPR)", () => {
  it("is allowed during the first month, including its last day", () => {
    expect(check("2026-03-20T10:00:00Z", policyWith())).toEqual({ allowed: true, firstDue: "2026-04-07" });
    expect(check("2026-04-05T10:00:00Z", policyWith()).allowed).toBe(true); // the naive date, a Sunday
    expect(check("2026-04-07T21:59:59.999Z", policyWith()).allowed).toBe(true);
  });

  it("is refused from dueAt on, with the reason and the first due date", () => {
    const refused = check("2026-04-07T22:00:00Z", policyWith());
    expect(refused).toMatchObject({ allowed: false, firstDue: "2026-04-07" });
    expect(refused.allowed === false && refused.reason).toMatch(/within the first month \(Art\. 12\(3\) GDPR\)/);
    expect(check("2026-04-08T10:00:00Z", policyWith()).allowed).toBe(false);
  });

  it("counts the first month with pauses when the clock stops while waiting for the data subject", () => {
    const pauses = [{ from: new Date("2026-03-10T08:00:00Z"), to: new Date("2026-03-13T08:00:00Z") }];
    const paused = policyWith({ clockPolicy: "paused_while_awaiting_subject" });
    expect(check("2026-04-08T10:00:00Z", paused, pauses)).toEqual({ allowed: true, firstDue: "2026-04-08" });
    expect(check("2026-04-08T10:00:00Z", policyWith(), pauses).allowed).toBe(false);
  });
});
