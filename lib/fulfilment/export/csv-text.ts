// CSV text for the access package: csv-stringify writes the records (RFC 4180: "," between fields,
// CRLF between records, quoting as needed), as it does for the request register; this module only
// says, through csv-stringify's `cast` option, what a cell of each type says. Every batch of rows is one
// call, so the library's cost per call is paid once per batch, not per row. Pure.
import { stringify, type Options } from "csv-stringify/sync";
import { neutraliseCell } from "../../format/neutralise-cell";

/**
 * What one cell says: text passes neutraliseCell (CSV injection, OWASP; the JSON copy keeps the value
 * as is), Dates become ISO 8601, booleans true/false, objects and arrays their JSON (neutralised too).
 * Numbers and bigints (their decimal text), null and undefined (an empty cell) keep the library's default.
 */
const CAST: NonNullable<Options["cast"]> = {
  string: neutraliseCell,
  boolean: (value) => (value ? "true" : "false"),
  date: (value) => (Number.isNaN(value.getTime()) ? "" : value.toISOString()),
  object: (value) => neutraliseCell(JSON.stringify(value) ?? ""),
};

// A fresh object per call: csv-stringify fills its defaults into the options (and their `cast`) it is given.
const options = (): Options => ({
  record_delimiter: "windows",
  // A line break of either kind inside a cell must be quoted: with CRLF between records, csv-stringify
  // by itself quotes only a cell that holds the whole CRLF; this option makes it quote a lone CR or LF too
  // (it replaces a quoted_match pattern tested against every cell, a third of the CSV's cost).
  quote_record_delimiter: true,
  cast: { ...CAST },
});

/** The CSV records of `rows`, each with its values in `columns` order, CRLF-terminated ("" for no rows). */
export function csvRecords(rows: readonly Readonly<Record<string, unknown>>[], columns: readonly string[]): string {
  if (rows.length === 0) return "";
  // Arrays, not the library's `columns` option: that reads a column named "a.b" as a path into the row.
  const records = new Array<unknown[]>(rows.length);
  const width = columns.length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const record = new Array<unknown>(width);
    for (let c = 0; c < width; c++) record[c] = row[columns[c]!];
    records[r] = record;
  }
  return stringify(records, options());
}

/** The header record (UTF-8 BOM first, so spreadsheets read umlauts right). */
export function csvHeader(columns: readonly string[]): string {
  return `\uFEFF${stringify([columns], options())}`;
}
