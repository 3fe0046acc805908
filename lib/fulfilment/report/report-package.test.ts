// The report in the package as the export job will put it there: accessInformation → report.html and
// report.pdf → writeAccessPackage, for a copy and for a confirmation only. The package's report names the
// Art. 15(1) information for exactly the categories found and every file the package holds in data/.
import { describe, expect, it } from "vitest";
import { readZip, tempDir } from "../export/test-helpers";
import { verifyPackage } from "../export/verify-package";
import { writeAccessPackage, type ExportSource } from "../export/write-package";
import { accessInformation, type SystemFindings } from "./access-information";
import { renderReportHtml } from "./report-html";
import { renderReportPdf } from "./report-pdf";

const now = new Date("2026-12-01T08:00:00.000Z");

async function* rowsOf(rows: Record<string, unknown>[]): AsyncIterable<Record<string, unknown>> {
  for (const row of rows) yield row;
}

const sources = (): ExportSource[] => [
  { system: "platform", recordType: "users", rows: rowsOf([{ id: 1, name: "Jürgen Größe", email: "j@example.org" }]) },
  { system: "platform", recordType: "tickets", rows: rowsOf([{ id: 7, text: "Bitte rückgängig machen" }]) },
];
const categoriesOf: Record<string, string[]> = { users: ["name", "email-address"], tickets: ["message-content"] };

async function accessPackage(copy: boolean) {
  return writeAccessPackage({
    reference: "DSR-2026-0044",
    language: "de",
    createdAt: now,
    outputDir: await tempDir(),
    sources: copy ? sources() : [],
    report: async (counts) => {
      // What was found: a copy counts the rows written; a confirmation only counts without writing them.
      const found = copy
        ? counts
        : [
            { system: "platform", recordType: "users", records: 1 },
            { system: "platform", recordType: "tickets", records: 1 },
          ];
      const foundBySystem: SystemFindings[] = [
        {
          system: "platform",
          systemName: "ilert-Plattform",
          records: found.map((c) => ({
            recordType: c.recordType,
            count: c.records,
            categories: categoriesOf[c.recordType]!,
          })),
        },
      ];
      const info = accessInformation({
        categoriesFound: [...new Set(foundBySystem.flatMap((s) => s.records.flatMap((r) => r.categories)))],
        language: "de",
        now,
        reference: "DSR-2026-0044",
        foundBySystem,
        copyIncluded: copy,
      });
      return { html: renderReportHtml(info, { pdfIncluded: true }), pdf: await renderReportPdf(info) };
    },
  });
}

describe("the Art. 15 report in the access package", () => {
  it("with a copy: every data file is named in the report; the register entries are those of the found categories", async () => {
    const result = await accessPackage(true);
    const entries = await readZip(result.path);
    const html = entries.get("report.html")!.toString("utf8");
    for (const name of entries.keys()) if (name.startsWith("data/")) expect(html).toContain(`<code>${name}</code>`);
    expect(entries.get("report.pdf")!.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Name, email address, message content: registration, both support entries and the download (the stores
    // know the email address); not app use nor the permissions, which hold none of them.
    const activities = [...html.matchAll(/<h3 id="processing-[^"]+">([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(activities).toEqual([
      "Download der App aus einem App Store",
      "Registrierung und Nutzerkonto",
      "Support per E-Mail und Telefon",
      "Support-Chat in der App",
    ]);
    expect(html).not.toContain("Nutzung der App");
    expect(html).not.toContain("Berechtigungen der App");
    expect(await verifyPackage(result.path)).toEqual({ ok: true, files: 6, reference: "DSR-2026-0044" });
  });

  it("confirmation only: report files and manifest, no data/, and the report says why", async () => {
    const result = await accessPackage(false);
    const entries = await readZip(result.path);
    expect([...entries.keys()]).toEqual(["report.html", "report.pdf", "manifest.json"]);
    const html = entries.get("report.html")!.toString("utf8");
    expect(html).toContain("Sie haben nur eine Bestätigung ohne Kopie Ihrer Daten verlangt.");
    expect(html).toContain("Inhalt Ihrer Nachrichten");
    expect(html).not.toContain("data/platform/");
    expect(await verifyPackage(result.path)).toEqual({ ok: true, files: 2, reference: "DSR-2026-0044" });
  });
});
