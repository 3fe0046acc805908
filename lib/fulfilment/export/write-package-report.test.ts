// The report files of an access package: report.html alone, or report.html and report.pdf, each in the
// manifest with its hash; and a confirmation-only package (Art. 15(1) without the copy): report files and
// manifest, no data/.
import { describe, expect, it } from "vitest";
import { readZip, tempDir, writeZip } from "./test-helpers";
import { verifyPackage } from "./verify-package";
import { writeAccessPackage, type WriteAccessPackageOptions } from "./write-package";

const createdAt = new Date("2026-12-01T05:30:00.000Z");
const pdf = Buffer.from("%PDF-1.7\n%\xE2\xE3\xCF\xD3\nstand-in bytes\n%%EOF\n", "latin1");

async function* rowsOf(rows: Record<string, unknown>[]): AsyncIterable<Record<string, unknown>> {
  for (const row of rows) yield row;
}

async function write(extra: Partial<WriteAccessPackageOptions>) {
  return writeAccessPackage({
    reference: "DSR-2026-0043",
    language: "en",
    createdAt,
    outputDir: await tempDir(),
    sources: [{ system: "crm", recordType: "contacts", rows: rowsOf([{ id: 1, name: "Jürgen" }]) }],
    report: "",
    ...extra,
  });
}

describe("writeAccessPackage: report files", () => {
  it("report.html and report.pdf, both in the manifest with their hashes; the verifier accepts it", async () => {
    const result = await write({ report: (counts) => ({ html: `<p>${counts[0]!.records} record</p>`, pdf }) });
    const entries = await readZip(result.path);
    expect([...entries.keys()]).toEqual([
      "data/crm/contacts.json",
      "data/crm/contacts.csv",
      "report.html",
      "report.pdf",
      "manifest.json",
    ]);
    expect(entries.get("report.html")!.toString("utf8")).toBe("<p>1 record</p>");
    expect(entries.get("report.pdf")!.equals(pdf)).toBe(true);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      "data/crm/contacts.json",
      "data/crm/contacts.csv",
      "report.html",
      "report.pdf",
    ]);
    expect(await verifyPackage(result.path)).toEqual({ ok: true, files: 4, reference: "DSR-2026-0043" });
  });

  it("an object without a PDF writes report.html only", async () => {
    const result = await write({ report: { html: "<p>only html</p>" } });
    expect([...(await readZip(result.path)).keys()]).not.toContain("report.pdf");
  });

  it("a changed report.pdf fails verification", async () => {
    const result = await write({ report: { html: "<p>x</p>", pdf } });
    const entries = await readZip(result.path);
    entries.set("report.pdf", Buffer.from(pdf.toString("latin1").replace("stand-in", "STAND-IN"), "latin1"));
    await writeZip(result.path, entries);
    expect(await verifyPackage(result.path)).toMatchObject({ ok: false, file: "report.pdf" });
  });

  it("confirmation only: no sources, so the report files and the manifest and nothing under data/", async () => {
    const result = await write({ sources: [], report: { html: "<p>confirmation</p>", pdf } });
    const entries = await readZip(result.path);
    expect([...entries.keys()]).toEqual(["report.html", "report.pdf", "manifest.json"]);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8"));
    expect(manifest.records).toEqual([]);
    expect(await verifyPackage(result.path)).toEqual({ ok: true, files: 2, reference: "DSR-2026-0043" });
  });
});
