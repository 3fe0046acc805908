// CSV cells of the access package: RFC 4180 quoting (by csv-stringify), and formula cells made inert
// (CSV injection, OWASP).
import { describe, expect, it } from "vitest";
import { csvHeader, csvRecords } from "./csv-text";

describe("csvRecords", () => {
  it.each([
    ["plain", "plain"],
    ["Größe, Maß", '"Größe, Maß"'],
    ['say "hi"', '"say ""hi"""'],
    ["a\r\nb", '"a\r\nb"'],
    ["a\nb", '"a\nb"'],
    ["a\rb", '"a\rb"'],
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["@cmd", "'@cmd"],
    ["-2+3", "'-2+3"],
    ["\tx", "'\tx"],
    [-5, "-5"],
    [12345678901234567890n, "12345678901234567890"],
    [true, "true"],
    [null, ""],
    [undefined, ""],
    [new Date("2026-12-01T06:00:00Z"), "2026-12-01T06:00:00.000Z"],
    [{ a: 1, b: "x" }, '"{""a"":1,""b"":""x""}"'],
    [["=1"], '"[""=1""]"'],
  ])("case %#", (value, expected) => {
    expect(csvRecords([{ v: value }], ["v"])).toBe(`${expected}\r\n`);
  });

  it("writes the columns in order, a missing field as an empty cell, CRLF at the end; the header starts with a BOM", () => {
    expect(csvHeader(["id", "name"])).toBe("\uFEFFid,name\r\n");
    expect(
      csvRecords(
        [
          { name: "Zoë", id: 7 },
          { id: 8, note: "x" },
        ],
        ["id", "name", "note"],
      ),
    ).toBe("7,Zoë,\r\n8,,x\r\n");
    expect(csvRecords([], ["id"])).toBe("");
  });
});
