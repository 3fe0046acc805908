// The register's CSV: formulas a subject typed are made inert, quoting follows RFC 4180, and the
// stream carries every row of a source larger than one chunk, in order.
import { buffer, text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { neutraliseCell } from "../../format/neutralise-cell";
import { registerCsv } from "./register-csv";

describe("the request register as CSV", () => {
  it.each([
    ['=HYPERLINK("https://evil.example","click")', `'=HYPERLINK("https://evil.example","click")`],
    ["+49 211 1234", "'+49 211 1234"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["Anna Schmidt", "Anna Schmidt"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j is written as %j", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it("a stream: BOM, header, neutralised and quoted cells, CRLF", async () => {
    async function* rows() {
      yield ["DSR-2026-000001", '=HYPERLINK("https://evil.example")', "Müller, Max"];
      yield ["DSR-2026-000002", "line\nbreak", 'say "hi"'];
    }
    // Read as bytes: a TextDecoder would drop the BOM this checks.
    const csv = (await buffer(registerCsv(["reference", "name", "note"], rows()))).toString("utf8");
    expect(csv).toBe(
      '\ufeffreference,name,note\r\nDSR-2026-000001,"\'=HYPERLINK(""https://evil.example"")","Müller, Max"\r\n' +
        'DSR-2026-000002,"line\nbreak","say ""hi"""\r\n',
    );
  });

  it("many rows arrive complete and in order; a failing source fails the stream", async () => {
    async function* many() {
      for (let i = 0; i < 20_000; i++) yield [`DSR-2026-${String(i).padStart(6, "0")}`];
    }
    const lines = (await text(registerCsv(["reference"], many()))).split("\r\n");
    expect(lines).toHaveLength(20_002);
    expect(lines[20_000]).toBe("DSR-2026-019999");
    async function* failing() {
      yield ["DSR-2026-000001"];
      throw new Error("database gone");
    }
    await expect(text(registerCsv(["reference"], failing()))).rejects.toThrow("database gone");
  });
});
