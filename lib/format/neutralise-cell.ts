// CSV injection: a spreadsheet runs a cell that starts with "=", "+", "-" or "@" as a formula (and
// tab or CR can smuggle one in), so "=HYPERLINK(...)" typed into a request form would become a live
// link in the register someone opens in Excel. Such a cell gets a leading apostrophe, which
// spreadsheets show as text and which a reader sees (OWASP, "CSV Injection"). Pure.

const FORMULA_START = /^[=+\-@\t\r]/;

/** `value`, made inert for spreadsheets: prefixed with "'" when it starts like a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
