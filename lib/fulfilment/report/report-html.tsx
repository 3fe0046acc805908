// report.html of the access package: the Art. 15 information (access-information.ts) as one self-contained,
// accessible HTML document in the subject's language (Art. 12(1): concise, intelligible, plain language).
// No external resources (the file is read offline, from a ZIP): inline CSS, no scripts, no images.
// React's static renderer escapes every text and attribute. Pure.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { formatNumber } from "../../format/numbers";
import { fill } from "../../privacy/register-text";
import type { AccessInformation, ProcessingInformation } from "./access-information";
import { reportTerms, type ReportTerms } from "./report-terms";

// A fixed string of ours, never data: it goes in unescaped so that CSS selectors like ">" survive.
const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem;margin:0 0 .25rem}h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:1px solid #888}h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #767676;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#eef1f5}th[scope=row]{background:#f7f8fa;width:14rem}
td.number{text-align:right;font-variant-numeric:tabular-nums}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
ul{margin:.25rem 0;padding-left:1.25rem}address{font-style:normal}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
a{color:#0b4f9c}@media print{body{max-width:none;padding:0}h2{break-after:avoid}tr{break-inside:avoid}}
`;

/**
 * The report as a complete HTML document (`<!DOCTYPE html>`, `lang` = the report's language, UTF-8),
 * headings h1-h3, tables with captions and header cells. `pdfIncluded`: says that report.pdf holds the same.
 */
export function renderReportHtml(info: AccessInformation, options: { pdfIncluded?: boolean } = {}): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<Report info={info} pdfIncluded={options.pdfIncluded ?? false} />)}`;
}

function Report({ info, pdfIncluded }: { info: AccessInformation; pdfIncluded: boolean }) {
  const t = reportTerms(info.language);
  return (
    <html lang={info.language}>
      {/* A standalone file, not a Next.js page: next/head has no place here. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t.title} – ${info.reference}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <main>
          <h1>{t.title}</h1>
          <p>{t.subtitle}</p>
          <dl>
            <dt>{t.meta.reference}</dt>
            <dd>{info.reference}</dd>
            <dt>{t.meta.created}</dt>
            <dd>
              <time dateTime={info.createdAtIso}>{info.createdAt}</time>
            </dd>
            <dt>{t.meta.statement}</dt>
            <dd>{fill(t.meta.statementValue, { title: info.statement.title, date: info.statement.effective })}</dd>
          </dl>

          <h2>{t.confirmation.heading}</h2>
          <p>{info.processed ? t.confirmation.found : t.confirmation.none}</p>
          {info.processed && <p>{info.copyIncluded ? t.confirmation.copy : t.confirmation.confirmationOnly}</p>}
          {pdfIncluded && <p>{t.pdfNote}</p>}

          <Found info={info} t={t} />
          {info.processed && <Details info={info} t={t} />}

          <h2>{t.complaint.heading}</h2>
          <p>{t.complaint.text}</p>
          <Address lines={info.complaint.authority} />

          <h2>{t.contact.heading}</h2>
          <h3>{t.contact.controller}</h3>
          <Address lines={info.controller} />
          <h3>{t.contact.dpo}</h3>
          <Address lines={info.dpo} />
        </main>
      </body>
    </html>
  );
}

function Found({ info, t }: { info: AccessInformation; t: ReportTerms }) {
  return (
    <>
      <h2>{t.found.heading}</h2>
      {info.records.length === 0 ? (
        <p>{t.found.nothing}</p>
      ) : (
        <Table
          caption={t.found.caption}
          numberColumns={[2]}
          columns={[t.found.system, t.found.recordType, t.found.count, t.found.categories, t.found.files]}
          rows={info.records.map((r) => ({
            key: `${r.system}/${r.recordType}`,
            cells: [
              r.systemName,
              r.recordType,
              formatNumber(r.count, info.language),
              r.categories.join(", "),
              r.files.length ? <Lines key="files" lines={r.files} code /> : t.found.noFiles,
            ],
          }))}
        />
      )}
      {info.copyIncluded && info.records.length > 0 && <p>{t.fileNote}</p>}
    </>
  );
}

function Details({ info, t }: { info: AccessInformation; t: ReportTerms }) {
  return (
    <>
      <h2>{t.categories.heading}</h2>
      <Table
        caption={t.categories.caption}
        columns={[t.categories.category, t.categories.description]}
        rows={info.categories.map((c) => ({ key: c.id, cells: [c.label, c.description ?? ""] }))}
      />

      <h2>{t.processing.heading}</h2>
      <p>{t.processing.intro}</p>
      {info.processing.map((p) => (
        <Processing key={p.id} p={p} info={info} t={t} />
      ))}

      <h2>{t.recipients.heading}</h2>
      {info.recipients.length === 0 ? (
        <p>{t.recipients.none}</p>
      ) : (
        <Table
          caption={t.recipients.caption}
          columns={[t.recipients.name, t.recipients.role, t.recipients.kind, t.recipients.country]}
          rows={info.recipients.map((r) => ({
            key: r.id,
            cells: [
              r.url ? (
                <span key="name">
                  {r.name}
                  <br />
                  <a href={r.url}>{r.url}</a>
                </span>
              ) : (
                r.name
              ),
              r.role,
              r.kindText,
              r.country ?? "",
            ],
          }))}
        />
      )}

      <h2>{t.transfers.heading}</h2>
      {info.transfers.length === 0 ? (
        <p>{t.transfers.none}</p>
      ) : (
        <Table
          caption={t.transfers.caption}
          columns={[t.transfers.recipient, t.transfers.country, t.transfers.safeguard]}
          rows={info.transfers.map((x) => ({
            key: `${x.recipientId}|${x.countryCode}|${x.safeguard}`,
            cells: [x.recipientName, x.country, x.safeguardText],
          }))}
        />
      )}

      <h2>{t.rights.heading}</h2>
      <p>{t.rights.intro}</p>
      {info.rights.map((r) => (
        <section key={r.right} aria-labelledby={`right-${r.right}`}>
          <h3 id={`right-${r.right}`}>{`${r.name} (${r.article})`}</h3>
          <p>{r.explanation}</p>
          <p>{fill(t.rights.appliesTo, { activities: r.appliesTo.join(", ") })}</p>
        </section>
      ))}
      {info.independentNotes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </>
  );
}

function Processing({ p, info, t }: { p: ProcessingInformation; info: AccessInformation; t: ReportTerms }) {
  const recipientNames = p.recipients.map((id) => info.recipients.find((r) => r.id === id)?.name ?? id);
  const rows: [string, string[]][] = [
    ...(p.independentControllers.length
      ? [
          [
            t.processing.responsibility,
            [fill(t.processing.independent, { controllers: p.independentControllers.join(", ") })],
          ] as [string, string[]],
        ]
      : []),
    [t.processing.categories, p.categories.map((c) => c.label)],
    [t.processing.purposes, p.purposes],
    ...(p.legalBases.length ? [[t.processing.legalBases, p.legalBases] as [string, string[]]] : []),
    [t.processing.retention, [p.retention]],
    [t.processing.recipients, recipientNames.length ? recipientNames : [t.recipients.none]],
    [t.processing.sources, p.sources],
    [t.processing.automatedDecisionMaking, [p.automatedDecisionMaking.text]],
  ];
  return (
    <section aria-labelledby={`processing-${p.id}`}>
      <h3 id={`processing-${p.id}`}>{p.name}</h3>
      <Table
        rowHeaders
        columns={[t.processing.field, t.processing.value]}
        rows={rows.map(([label, values]) => ({
          key: label,
          cells: [label, values.length === 1 ? values[0] : <List key="values" items={values} />],
        }))}
      />
    </section>
  );
}

/**
 * A table with column headers (`th scope="col"`) and, with `rowHeaders`, the first cell of each row as its
 * header (`th scope="row"`). Cells of `numberColumns` (indexes) are aligned right.
 */
function Table({
  caption,
  columns,
  rows,
  rowHeaders = false,
  numberColumns = [],
}: {
  caption?: string;
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  rowHeaders?: boolean;
  numberColumns?: readonly number[];
}) {
  return (
    <table>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              rowHeaders && i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className={numberColumns.includes(i) ? "number" : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function List({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Lines separated by line breaks (an address, file paths). */
function Lines({ lines, code = false }: { lines: readonly string[]; code?: boolean }) {
  return lines.map((line, i) => (
    <span key={`${i}-${line}`}>
      {i > 0 && <br />}
      {code ? <code>{line}</code> : line}
    </span>
  ));
}

function Address({ lines }: { lines: readonly string[] }) {
  return (
    <address>
      <Lines lines={lines} />
    </address>
  );
}
