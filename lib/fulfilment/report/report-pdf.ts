// report.pdf of the access package: the same Art. 15 information as report.html, for people who keep or
// print their answer as a document. pdfkit writes a tagged PDF (PDF/UA: structure tree with headings,
// paragraphs, lists and tables with header cells; document language; title shown in the window), with
// DejaVu Sans embedded so that every German letter (ä ö ü ß) and the euro sign print and extract as text.
// Pure (pdfkit and font files from node_modules; no Next, no Prisma).
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { fill } from "../../privacy/register-text";
import { formatNumber } from "../../format/numbers";
import type { AccessInformation, ProcessingInformation } from "./access-information";
import { reportTerms, type ReportTerms } from "./report-terms";

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type Cell = string | PDFKit.Mixins.CellOptions;

const SIZE = { h1: 20, h2: 14, h3: 11.5, body: 10, table: 9 } as const;
const HEADER_FILL = "#eef1f5";

/**
 * The report as PDF bytes (A4, PDF 1.7, tagged, PDF/UA subset; `lang` and the metadata title set; fonts
 * embedded and subset). The creation date is the report's, so the same `info` gives the same bytes.
 * Rejects only if pdfkit fails (a missing font file).
 */
export function renderReportPdf(info: AccessInformation): Promise<Buffer> {
  const t = reportTerms(info.language);
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    pdfVersion: "1.7",
    tagged: true,
    // PDF/UA (ISO 14289) is in pdfkit but not yet in @types/pdfkit's list of subsets.
    subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
    lang: info.language,
    displayTitle: true,
    font: FONT,
    info: {
      Title: `${t.title} – ${info.reference}`,
      Subject: t.subtitle,
      Author: info.controller[0] ?? "",
      CreationDate: new Date(info.createdAtIso),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  write(new Writer(doc, root), info, t);
  root.end();
  doc.end();
  return done;
}

function write(w: Writer, info: AccessInformation, t: ReportTerms): void {
  w.heading("H1", t.title);
  w.paragraph(t.subtitle);
  w.table(
    [
      [t.meta.reference, info.reference],
      [t.meta.created, info.createdAt],
      [t.meta.statement, fill(t.meta.statementValue, { title: info.statement.title, date: info.statement.effective })],
    ],
    { rowHeaders: true, widths: [140, "*"] },
  );

  w.heading("H2", t.confirmation.heading);
  w.paragraph(info.processed ? t.confirmation.found : t.confirmation.none);
  if (info.processed) w.paragraph(info.copyIncluded ? t.confirmation.copy : t.confirmation.confirmationOnly);

  w.heading("H2", t.found.heading);
  if (info.records.length === 0) w.paragraph(t.found.nothing);
  else
    w.table(
      [
        [t.found.system, t.found.recordType, t.found.count, t.found.categories, t.found.files],
        ...info.records.map((r) => [
          r.systemName,
          r.recordType,
          formatNumber(r.count, info.language),
          r.categories.join(", "),
          r.files.length ? r.files.join("\n") : t.found.noFiles,
        ]),
      ],
      { columnHeaders: true, widths: [80, 80, 50, "*", 130] },
    );
  if (info.copyIncluded && info.records.length > 0) w.paragraph(t.fileNote);

  if (info.processed) details(w, info, t);

  w.heading("H2", t.complaint.heading);
  w.paragraph(t.complaint.text);
  w.paragraph(info.complaint.authority.join("\n"));

  w.heading("H2", t.contact.heading);
  w.heading("H3", t.contact.controller);
  w.paragraph(info.controller.join("\n"));
  w.heading("H3", t.contact.dpo);
  w.paragraph(info.dpo.join("\n"));
}

function details(w: Writer, info: AccessInformation, t: ReportTerms): void {
  w.heading("H2", t.categories.heading);
  w.table(
    [[t.categories.category, t.categories.description], ...info.categories.map((c) => [c.label, c.description ?? ""])],
    { columnHeaders: true, widths: [160, "*"] },
  );

  w.heading("H2", t.processing.heading);
  w.paragraph(t.processing.intro);
  for (const p of info.processing) processing(w, p, info, t);

  w.heading("H2", t.recipients.heading);
  if (info.recipients.length === 0) w.paragraph(t.recipients.none);
  else
    w.table(
      [
        [t.recipients.name, t.recipients.role, t.recipients.kind, t.recipients.country],
        ...info.recipients.map((r) => [r.url ? `${r.name}\n${r.url}` : r.name, r.role, r.kindText, r.country ?? ""]),
      ],
      { columnHeaders: true, widths: [130, "*", 130, 60] },
    );

  w.heading("H2", t.transfers.heading);
  if (info.transfers.length === 0) w.paragraph(t.transfers.none);
  else
    w.table(
      [
        [t.transfers.recipient, t.transfers.country, t.transfers.safeguard],
        ...info.transfers.map((x) => [x.recipientName, x.country, x.safeguardText]),
      ],
      { columnHeaders: true, widths: [130, 80, "*"] },
    );

  w.heading("H2", t.rights.heading);
  w.paragraph(t.rights.intro);
  for (const r of info.rights) {
    w.heading("H3", `${r.name} (${r.article})`);
    w.paragraph(r.explanation);
    w.paragraph(fill(t.rights.appliesTo, { activities: r.appliesTo.join(", ") }));
  }
  for (const note of info.independentNotes) w.paragraph(note);
}

function processing(w: Writer, p: ProcessingInformation, info: AccessInformation, t: ReportTerms): void {
  const recipientNames = p.recipients.map((id) => info.recipients.find((r) => r.id === id)?.name ?? id);
  const bullet = (items: readonly string[]) => (items.length === 1 ? items[0]! : items.map((i) => `• ${i}`).join("\n"));
  w.heading("H3", p.name);
  w.table(
    [
      [t.processing.field, t.processing.value],
      ...(p.independentControllers.length
        ? [
            [
              t.processing.responsibility,
              fill(t.processing.independent, { controllers: p.independentControllers.join(", ") }),
            ],
          ]
        : []),
      [t.processing.categories, bullet(p.categories.map((c) => c.label))],
      [t.processing.purposes, bullet(p.purposes)],
      ...(p.legalBases.length ? [[t.processing.legalBases, bullet(p.legalBases)]] : []),
      [t.processing.retention, p.retention],
      [t.processing.recipients, recipientNames.length ? bullet(recipientNames) : t.recipients.none],
      [t.processing.sources, bullet(p.sources)],
      [t.processing.automatedDecisionMaking, p.automatedDecisionMaking.text],
    ],
    { columnHeaders: true, rowHeaders: true, widths: [150, "*"] },
  );
}

/** Writes tagged blocks in order under one structure element. */
class Writer {
  constructor(
    private readonly doc: Doc,
    private readonly root: Struct,
  ) {}

  heading(type: "H1" | "H2" | "H3", text: string): void {
    const size = type === "H1" ? SIZE.h1 : type === "H2" ? SIZE.h2 : SIZE.h3;
    // Keep a heading with what follows it: start a new page when little room is left.
    if (this.doc.y > this.doc.page.height - this.doc.page.margins.bottom - 80) this.doc.addPage();
    this.doc.moveDown(type === "H1" ? 0 : 0.8);
    this.root.add(
      this.doc.struct(type, {}, () => {
        this.doc.font(FONT_BOLD).fontSize(size).text(text);
      }),
    );
    this.doc.moveDown(0.3);
  }

  paragraph(text: string): void {
    this.root.add(
      this.doc.struct("P", {}, () => {
        this.doc.font(FONT).fontSize(SIZE.body).text(text);
      }),
    );
    this.doc.moveDown(0.5);
  }

  /**
   * A table: `columnHeaders` makes the first row column headers (TH, scope Column), `rowHeaders` the first
   * cell of every other row a row header (TH, scope Row). Column widths in points or "*".
   */
  table(
    rows: readonly (readonly string[])[],
    options: { columnHeaders?: boolean; rowHeaders?: boolean; widths: (number | string)[] },
  ): void {
    const header = (text: string, scope: "Column" | "Row"): Cell =>
      ({ text, type: "TH", scope, font: { src: FONT_BOLD }, backgroundColor: HEADER_FILL }) as Cell;
    const data: Cell[][] = rows.map((row, r) =>
      row.map((text, c) => {
        if (options.columnHeaders && r === 0) return header(text, "Column");
        if (options.rowHeaders && c === 0) return header(text, "Row");
        return text;
      }),
    );
    this.doc.font(FONT).fontSize(SIZE.table);
    this.doc.table({
      data,
      columnStyles: options.widths.map((width) => ({ width })),
      defaultStyle: { padding: [3, 4, 3, 4], borderColor: "#767676", border: 0.5 },
      position: { x: this.doc.page.margins.left },
      // Not in @types/pdfkit yet: pdfkit tags the table (Table, TR, TH, TD) under this parent.
      structParent: this.root,
    } as PDFKit.Mixins.TableOptionsWithData);
    this.doc.moveDown(0.5);
  }
}
