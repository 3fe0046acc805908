// The request register as CSV (Art. 5(2) accountability: which requests came in, what happened,
// when): streamed row by row with csv-stringify, every text cell neutralised against formulas.
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { neutraliseCell } from "../../format/neutralise-cell";

/**
 * A CSV byte stream (UTF-8 with a BOM, so spreadsheets read umlauts right; CRLF line ends as RFC 4180
 * has them) of `header` and then each of `rows`, read only as fast as the stream is consumed.
 * Every cell is text; each passes neutraliseCell. A failing `rows` fails the stream.
 */
export function registerCsv(header: readonly string[], rows: AsyncIterable<readonly string[]>): Readable {
  // A bare LF is no record delimiter here, but spreadsheets split rows at it: such cells are quoted too.
  const csv = stringify({
    bom: true,
    record_delimiter: "windows",
    quoted_match: /[\r\n]/,
    cast: { string: neutraliseCell },
  });
  const source = Readable.from(
    (async function* () {
      yield [...header];
      for await (const row of rows) yield [...row];
    })(),
    { objectMode: true },
  );
  source.on("error", (error) => csv.destroy(error));
  return source.pipe(csv);
}
