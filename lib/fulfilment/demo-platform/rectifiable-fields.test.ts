import { describe, expect, it } from "vitest";
import { checkCorrection, isIanaTimeZone, RectificationError } from "./rectifiable-fields";

describe("rectifiable fields", () => {
  it.each([
    ["Europe/Berlin", true],
    ["America/Argentina/Buenos_Aires", true],
    ["UTC", true],
    ["Mars/Olympus_Mons", false],
    ["+01:00", false],
    ["", false],
    ["Europe/Berlin; DROP", false],
  ])("isIanaTimeZone(%j) is %s", (zone, valid) => {
    expect(isIanaTimeZone(zone)).toBe(valid);
  });

  it("accepts trimmed valid values", () => {
    expect(checkCorrection("user.name", "  Anna Meier ")).toEqual({ field: "user.name", value: "Anna Meier" });
    expect(checkCorrection("user.phone", "+49 30 23125 199")).toEqual({
      field: "user.phone",
      value: "+49 30 23125 199",
    });
    expect(checkCorrection("user.timeZone", "Europe/Vienna")).toEqual({
      field: "user.timeZone",
      value: "Europe/Vienna",
    });
  });

  it.each([
    ["user.email", "a@b.example", "unknown_field"],
    ["user.restrictedAt", "", "unknown_field"],
    ["toString", "x", "unknown_field"],
    ["user.name", "   ", "invalid_value"],
    ["user.phone", "call me maybe", "invalid_value"],
    ["user.phone", "+1 2", "invalid_value"],
    ["user.timeZone", "Berlin time", "invalid_value"],
  ])("refuses %s = %j with %s", (field, value, code) => {
    let error: unknown;
    try {
      checkCorrection(field, value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RectificationError);
    expect(error).toMatchObject({ code, field });
  });
});
