// `npm run -s deadline` as a DPO meets it: a real process, JSON on stdout, one "error: " line on bad input.
import { describe, expect, it } from "vitest";
import { runScript, type ScriptRun } from "./test/run-script";

function cli(...args: string[]): Promise<ScriptRun> {
  return runScript("scripts/deadline.ts", args);
}

describe.concurrent("scripts/deadline.ts", () => {
  it("prints the Art. 12(3) GDPR deadline as JSON: received 23 December 2026 → due Monday 25 January 2027", async () => {
    const run = await cli("--received", "2026-12-23T10:00:00Z", "--region", "DE-NW");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      due: "2027-01-25",
      dueAt: "2027-01-25T23:00:00.000Z",
      receiptDate: "2026-12-23",
      naiveDue: "2027-01-23",
      months: 1,
      region: "DE-NW",
      timeZone: "Europe/Berlin",
      skipped: [
        { date: "2027-01-23", reason: "saturday" },
        { date: "2027-01-24", reason: "sunday" },
      ],
    });
    expect(out.reasoning.at(-1)).toMatch(/^Due 2027-01-25 \(Monday\)/);
    expect(run.stdout).toBe(`${JSON.stringify(out, null, 2)}\n`);
  });

  it("--extended counts three months (Art. 12(3) GDPR); --tz and --region change the day and the holidays", async () => {
    const run = await cli(
      "--received",
      "2026-11-30T23:30:00Z",
      "--extended",
      "--tz",
      "Europe/Vienna",
      "--region",
      "AT",
    );
    expect(run.code).toBe(0);
    // 1 December in Vienna; 1 March 2027 is a Monday.
    expect(JSON.parse(run.stdout)).toMatchObject({ receiptDate: "2026-12-01", months: 3, due: "2027-03-01" });
  });

  it("--now adds the status and whether an extension may still be notified", async () => {
    const run = await cli("--received", "2026-03-05T09:00:00Z", "--now", "2026-04-08T10:00:00+02:00");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      due: "2026-04-07",
      status: { daysLeft: -1, state: "overdue" },
      extension: { allowed: false, firstDue: "2026-04-07" },
    });
  });

  it.each([
    ["an unparseable date", ["--received", "yesterday"], /^error: --received "yesterday" is not an ISO-8601 instant/],
    ["an impossible date", ["--received", "2026-02-30T10:00:00Z"], /^error: .*Invalid day: 30/],
    [
      "a bare date without time and offset",
      ["--received", "2026-01-31"],
      /^error: --received "2026-01-31" has no time zone offset; an instant needs a time and an offset or Z/,
    ],
    ["a local time without offset", ["--received", "2026-01-31T10:00:00"], /^error: .*has no time zone offset/],
    [
      "an unknown region",
      ["--received", "2026-01-31T10:00:00Z", "--region", "DE-XX"],
      /^error: --region: unknown holiday region "DE-XX"/,
    ],
    [
      "an unknown time zone",
      ["--received", "2026-01-31T10:00:00Z", "--tz", "Mars/Base"],
      /^error: --tz: unknown time zone "Mars\/Base"/,
    ],
    ["a missing --received", ["--region", "DE-NW"], /^error: --received <ISO-8601 instant> is required/],
    ["an unknown flag", ["--received", "2026-01-31T10:00:00Z", "--month", "2"], /^error: Unknown option '--month'/],
    ["a stray argument", ["--received", "2026-01-31T10:00:00Z", "now"], /^error: Unexpected argument 'now'/],
  ])("rejects %s with exit code 2 and one error line", async (_name, args, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.endsWith("\n")).toBe(true);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
