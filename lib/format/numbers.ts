// Numbers and file sizes, one style per language (conventions.ts): "10,000" and "1.2 MB" in English,
// "10.000" and "1,2 MB" in German. Units are the language's own (Intl's unit names from CLDR), so a
// German size reads "45 Byte", as German writes it, and an English one "45 bytes". Number and unit are
// joined by a no-break space, so a size never breaks across lines (CLDR does so for some units only).
import type { Locale } from "../i18n/locales";
import { intlLocale } from "./conventions";

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    formats.set(key, format);
  }
  return format;
}

/** A number with the language's grouping and decimal sign: 10000 → "10,000" / "10.000"; 1.5 → "1.5" / "1,5". */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** A share (0..1) as a percentage with at most one decimal: 0.5 → "50%" / "50 %". */
export function formatPercent(share: number, locale: Locale): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/**
 * An amount in euro cents as money, always with two decimals and the language's placement of the sign:
 * 2500 → "€25.00" / "25,00 €" (no-break space). For the fee of Art. 12(5)(a).
 * @throws RangeError when `cents` is not a whole number.
 */
export function formatEuro(cents: number, locale: Locale): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an amount in cents: ${cents}`);
  return noBreak(numberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100));
}

const UNIT = 1024;
const LARGER_UNITS = ["kilobyte", "megabyte", "gigabyte"] as const;

/**
 * A file's size in the largest unit that keeps it at 1 or more, with at most one decimal: 45 →
 * "45 bytes" / "45 Byte", 1258291 → "1.2 MB" / "1,2 MB" (with a no-break space). Units are multiples of 1024, as the upload
 * limits count them (ATTACHMENT_MAX_MB × 1024 × 1024 bytes), so a file at the limit shows the limit.
 * @throws RangeError when `bytes` is not a whole number of 0 or more.
 */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError(`not a file size in bytes: ${bytes}`);
  if (bytes < UNIT) {
    return noBreak(numberFormat(locale, { style: "unit", unit: "byte", unitDisplay: "long" }).format(bytes));
  }
  let value = bytes / UNIT;
  let unit = 0;
  // Move up a unit when the rounded value would read 1,024 (1023.96 KB is "1 MB", not "1,024 kB").
  while (unit < LARGER_UNITS.length - 1 && Math.round(value * 10) / 10 >= UNIT) {
    value /= UNIT;
    unit += 1;
  }
  return noBreak(
    numberFormat(locale, {
      style: "unit",
      unit: LARGER_UNITS[unit],
      unitDisplay: "short",
      maximumFractionDigits: 1,
    }).format(value),
  );
}

const noBreak = (text: string) => text.replace(/\s+/g, "\u00a0");
