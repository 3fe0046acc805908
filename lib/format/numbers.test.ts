// Numbers grouped as each language groups them, and file sizes in the language's units. next-intl
// formats the numbers inside messages (plurals' "#", "{n, number}") with the bare language, "en" or
// "de"; for numbers those agree with en-GB and de-DE, and this holds them to it.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatEuro, formatFileSize, formatNumber } from "./index";

describe("formatNumber", () => {
  it.each([
    [0, "0", "0"],
    [999, "999", "999"],
    [5_000, "5,000", "5.000"],
    [10_000, "10,000", "10.000"],
    [1_234_567, "1,234,567", "1.234.567"],
    [9_007_199_254_740_991, "9,007,199,254,740,991", "9.007.199.254.740.991"],
    [1.5, "1.5", "1,5"],
    [-2_500.25, "-2,500.25", "-2.500,25"],
  ])("%d is %s in English and %s in German", (value, en, de) => {
    expect(formatNumber(value, "en")).toBe(en);
    expect(formatNumber(value, "de")).toBe(de);
  });

  it("agrees with next-intl's formatting of numbers in messages", () => {
    for (const locale of ["en", "de"] as const) {
      const t = createTranslator({
        locale,
        messages: { n: "{value, number}", plural: "{value, plural, one {# item} other {# items}}" },
      });
      for (const value of [1, 999, 5_000, 10_000, 1_234_567, 1.5]) {
        expect(t("n", { value })).toBe(formatNumber(value, locale));
        if (value !== 1) expect(t("plural", { value })).toBe(`${formatNumber(value, locale)} items`);
      }
    }
  });
});

/** Number and unit as the module joins them: with a no-break space. */
describe("formatFileSize", () => {
  it.each([
    [0, "0\u00a0bytes", "0\u00a0Byte"],
    [1, "1\u00a0byte", "1\u00a0Byte"],
    [45, "45\u00a0bytes", "45\u00a0Byte"],
    [1_023, "1,023\u00a0bytes", "1.023\u00a0Byte"],
    [1_024, "1\u00a0kB", "1\u00a0kB"],
    [1_536, "1.5\u00a0kB", "1,5\u00a0kB"],
    [45_000, "43.9\u00a0kB", "43,9\u00a0kB"],
    [1_258_291, "1.2\u00a0MB", "1,2\u00a0MB"],
    [10 * 1024 * 1024, "10\u00a0MB", "10\u00a0MB"],
    [25 * 1024 * 1024 - 1, "25\u00a0MB", "25\u00a0MB"],
    [3 * 1024 ** 3, "3\u00a0GB", "3\u00a0GB"],
    [5 * 1024 ** 4, "5,120\u00a0GB", "5.120\u00a0GB"],
  ])("%d bytes are %s in English and %s in German", (bytes, en, de) => {
    expect(formatFileSize(bytes, "en")).toBe(en);
    expect(formatFileSize(bytes, "de")).toBe(de);
  });

  it("moves up a unit where rounding would give 1,024 of the smaller one", () => {
    expect(formatFileSize(1024 * 1024 - 1, "en")).toBe("1\u00a0MB");
    expect(formatFileSize(1024 * 1024 - 51, "en")).toBe("1\u00a0MB"); // 1023.95 kB
    expect(formatFileSize(1024 * 1024 - 52, "en")).toBe("1,023.9\u00a0kB");
    expect(formatFileSize(1024 * 1024 - 52, "de")).toBe("1.023,9\u00a0kB");
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d", (bytes) => {
    expect(() => formatFileSize(bytes, "en")).toThrow(RangeError);
  });
});

/** The fee of Art. 12(5)(a): cents as euro, as each language writes money (no-break space). */
describe("formatEuro", () => {
  it.each([
    [2_500, "€25.00", "25,00\u00a0€"],
    [1, "€0.01", "0,01\u00a0€"],
    [100_000, "€1,000.00", "1.000,00\u00a0€"],
  ])("%d cents are %s in English and %s in German", (cents, en, de) => {
    expect(formatEuro(cents, "en")).toBe(en);
    expect(formatEuro(cents, "de")).toBe(de);
  });

  it("refuses what is not a whole number of cents", () => {
    expect(() => formatEuro(12.5, "en")).toThrow(RangeError);
  });
});
