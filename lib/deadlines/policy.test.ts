import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINE_POLICY, deadlinePolicySchema } from "./policy";
import { parseRegion } from "./region";

const messages = (input: unknown) => deadlinePolicySchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe("deadline policy", () => {
  it("defaults to a controller in Cologne: Europe/Berlin, DE-NW, clock running, 7 days", () => {
    expect(deadlinePolicySchema.parse({})).toEqual(DEFAULT_DEADLINE_POLICY);
    expect(DEFAULT_DEADLINE_POLICY).toEqual({
      timeZone: "Europe/Berlin",
      region: "DE-NW",
      clockPolicy: "running",
      dueSoonDays: 7,
    });
  });

  it("accepts a country alone and canonicalises case", () => {
    expect(deadlinePolicySchema.parse({ region: "AT", timeZone: "Europe/Vienna" }).region).toBe("AT");
    expect(deadlinePolicySchema.parse({ region: "de-by", timeZone: "europe/berlin" })).toMatchObject({
      region: "DE-BY",
      timeZone: "Europe/Berlin",
    });
    expect(parseRegion("DE-NW")).toEqual({ code: "DE-NW", country: "DE", state: "NW" });
    expect(parseRegion("DE")).toEqual({ code: "DE", country: "DE" });
  });

  it("rejects an unknown IANA time zone and a fixed offset", () => {
    expect(messages({ timeZone: "Mars/Base" })).toEqual([
      'unknown time zone "Mars/Base": use an IANA time zone name like "Europe/Berlin"',
    ]);
    expect(messages({ timeZone: "+01:00" })).toHaveLength(1);
  });

  it("rejects an unknown state, an unknown country and a malformed region", () => {
    expect(messages({ region: "DE-XX" })[0]).toMatch(
      /^unknown holiday region "DE-XX": Germany \(DE\) has no state "XX"; known states: BB, BE/,
    );
    expect(messages({ region: "XX" })).toEqual([
      'unknown holiday region "XX": no country "XX" in the holiday calendar',
    ]);
    expect(messages({ region: "DE-NW-K" })[0]).toMatch(/must be a country code like "DE"/);
    expect(messages({ region: "" })[0]).toMatch(/must be a country code like "DE"/);
  });

  it("rejects an unknown clock policy and a negative dueSoonDays", () => {
    expect(messages({ clockPolicy: "stopped" })[0]).toMatch(/clock policy must be "running" or/);
    expect(messages({ dueSoonDays: -1 })).toEqual(["dueSoonDays must not be negative"]);
  });
});
