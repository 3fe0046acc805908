// CSV text for the access package: csv-stringify writes the records (RFC 4180: "," between fields,
// CRLF between records, quoting as needed), as it does for the request register; this module only
// decides what each cell says. Every batch of rows is one call, so the library's cost per call is
// paid once per batch, not per row. Pure.
import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "../../format/neutralise-cell";

/**
 * What one cell says: text passes neutraliseCell (CSV injection, OWASP; the JSON copy keeps the value
 * as is), Dates become ISO 8601, objects and arrays their JSON, null and undefined an empty cell.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return neutraliseCell(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  return neutraliseCell(JSON.stringify(value) ?? "");
}

/** The CSV records of `rows`, each with its values in `columns` order, CRLF-terminated ("" for no rows). */
export function csvRecords(rows: readonly Readonly<Record<string, unknown>>[], columns: readonly string[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => columns.map((column) => csvCell(row[column]))),
    // A line break of either kind inside a cell must be quoted: with CRLF between records,
    // csv-stringify by itself quotes only a cell that holds the whole CRLF.
    { record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
}

/** The header record (UTF-8 BOM first, so spreadsheets read umlauts right). */
export function csvHeader(columns: readonly string[]): string {
  return `\uFEFF${csvRecords([Object.fromEntries(columns.map((c) => [c, c]))], columns)}`;
}
