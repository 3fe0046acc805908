import { describe, expect, it } from "vitest";
import {
  controllerDetails,
  controllerHolidayRegion,
  controllerTimeZone,
  currentStatementVersion,
  dataCategories,
  entriesForRequestType,
  registerEntries,
  registerEntry,
  statementVersion,
} from "./index";

describe("the content API", () => {
  it("the current version is the latest in force on the controller's calendar (Europe/Berlin)", () => {
    expect(currentStatementVersion(new Date("2030-01-01T00:00:00Z"))).toBe("2023-07");
    // 30 June 23:30 in Berlin is still June; 00:30 on 1 July is July.
    expect(currentStatementVersion(new Date("2023-06-30T21:30:00Z"))).toBe("2023-06");
    expect(currentStatementVersion(new Date("2023-06-30T22:30:00Z"))).toBe("2023-07");
    expect(statementVersion("2023-07")?.effective).toBe("2023-07-01");
  });

  it("looks up register entries and the requests they allow", () => {
    expect(registerEntry("registration")?.legalBases.map((b) => b.code)).toEqual(["b"]);
    expect(registerEntry("nope")).toBeUndefined();
    expect(entriesForRequestType("consent_withdrawal").map((e) => e.id)).toEqual(["app-permissions"]);
    expect(entriesForRequestType("objection", "2023-07").map((e) => e.id)).toEqual([
      "app-use",
      "support-contact",
      "support-chat",
    ]);
    expect(entriesForRequestType("objection", "2023-06").map((e) => e.id)).toEqual(["app-use", "support-contact"]);
    // Requests about the app store download go to the stores, so no request type lists it.
    expect(entriesForRequestType("access").map((e) => e.id)).not.toContain("app-store-download");
    expect(registerEntries("2023-06")).toHaveLength(5);
  });

  it("every data category has a kebab-case id and both labels", () => {
    for (const c of dataCategories()) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.label.de && c.label.en).toBeTruthy();
    }
  });

  it("exports the controller's seat for the deadline engine", () => {
    expect(controllerTimeZone()).toBe("Europe/Berlin");
    expect(controllerHolidayRegion()).toBe("DE-NW");
    expect(controllerDetails().supervisoryAuthority).toMatchObject({
      shortName: "LDI NRW",
      address: { city: "Düsseldorf", postalCode: "40213" },
    });
  });
});
