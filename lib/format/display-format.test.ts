// The bound formatter pages use: one language, one zone, every kind of value.
import { describe, expect, it } from "vitest";
import { displayFormat } from "./index";

describe("displayFormat", () => {
  it("binds language and zone once", () => {
    const format = displayFormat("de", "Europe/Berlin");
    expect(format.day("2026-12-24")).toBe("24. Dezember 2026");
    expect(format.date(new Date("2026-12-24T23:30:00Z"))).toBe("25. Dezember 2026");
    expect(format.dateTime(new Date("2026-12-24T17:00:00Z"))).toBe("24. Dezember 2026 um 18:00 MEZ");
    expect(format.number(10_000)).toBe("10.000");
    expect(format.fileSize(45)).toBe("45\u00a0Byte");
  });
});
