// report.pdf: read back with Mozilla's pdf.js, the text is there (German letters and the euro sign
// included), the document is tagged with headings and tables, and it carries its title and language.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { accessInformation, type AccessInformationInput } from "./access-information";
import { renderReportPdf } from "./report-pdf";

const now = new Date("2026-12-01T08:00:00.000Z");

function pdf(extra: Partial<AccessInformationInput> = {}) {
  return renderReportPdf(
    accessInformation({
      categoriesFound: ["message-content", "payment-details"],
      language: "de",
      now,
      reference: "DSR-2026-0042",
      foundBySystem: [
        {
          system: "billing",
          systemName: "Abrechnung in € – Größe, Übersicht, Prüfung",
          records: [{ recordType: "invoices", count: 3, categories: ["payment-details"] }],
        },
        {
          system: "support",
          systemName: "Support",
          records: [{ recordType: "tickets", count: 2, categories: ["message-content"] }],
        },
      ],
      ...extra,
    }),
  );
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

async function read(bytes: Buffer) {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  const roles: string[] = [];
  const walk = (node: StructNode | null) => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    node.children?.forEach(walk);
  };
  for (let n = 1; n <= document.numPages; n += 1) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
    walk((await page.getStructTree()) as StructNode | null);
  }
  const info = (await document.getMetadata()).info as Record<string, unknown>;
  const markInfo = await document.getMarkInfo();
  await document.destroy();
  // Table cells wrap where the column ends: compare the words, not the line breaks.
  return { text: pages.join("\n").replace(/\s+/g, " "), roles, info, markInfo };
}

describe("renderReportPdf", () => {
  it("prints German letters and the euro sign as text that can be extracted", async () => {
    const { text } = await read(await pdf());
    expect(text).toContain("Auskunft über Ihre Daten");
    expect(text).toContain("Abrechnung in € – Größe, Übersicht, Prüfung");
    expect(text).toContain("Bayenstraße 65");
    expect(text).toContain("50678 Köln");
    expect(text).toContain("Zahlungsdaten");
    expect(text).toContain("Inhalt Ihrer Nachrichten");
    expect(text).toContain("Standardvertragsklauseln");
    expect(text).toContain("Landesbeauftragte für Datenschutz");
    expect(text).toContain("data/billing/invoices.json");
    // Not found, so not there.
    expect(text).not.toContain("Absturzberichte");
  });

  it("is tagged: headings, paragraphs and tables with header cells in the structure tree", async () => {
    const { roles, markInfo } = await read(await pdf());
    expect(markInfo?.Marked).toBe(true);
    for (const role of ["Document", "H1", "H2", "H3", "P", "Table", "TR", "TH", "TD"]) expect(roles).toContain(role);
    expect(roles.filter((r) => r === "H1")).toHaveLength(1);
  });

  it("has a title, the creation date and the document language, and embeds its font", async () => {
    const bytes = await pdf();
    const { info } = await read(bytes);
    expect(info.Title).toBe("Auskunft über Ihre Daten – DSR-2026-0042");
    expect(info.Author).toBe("ilert GmbH");
    expect(info.CreationDate).toBe("D:20261201080000Z");
    const raw = bytes.toString("latin1");
    expect(raw).toContain("/Lang (de)");
    expect(raw).toContain("/DisplayDocTitle true");
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it("the same information gives the same bytes", async () => {
    const [first, second] = await Promise.all([pdf(), pdf()]);
    expect(first.equals(second)).toBe(true);
  });

  it("in English, and for a confirmation only without files", async () => {
    const { text } = await read(await pdf({ language: "en", copyIncluded: false }));
    expect(text).toContain("Information about your data");
    expect(text).toContain("You asked for a confirmation only");
    expect(text).not.toContain("data/billing/");
  });
});
