// report.html of the access package: the Art. 15 information (access-information.ts) as one self-contained,
// accessible HTML document in the subject's language (Art. 12(1): concise, intelligible, plain language).
// No external resources (the file is read offline, from a ZIP): inline CSS, no scripts, no images.
// React's static renderer escapes every text and attribute. Pure.
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
        <table>
          <caption>{t.found.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.found.system}</th>
              <th scope="col">{t.found.recordType}</th>
              <th scope="col">{t.found.count}</th>
              <th scope="col">{t.found.categories}</th>
              <th scope="col">{t.found.files}</th>
            </tr>
          </thead>
          <tbody>
            {info.records.map((r) => (
              <tr key={`${r.system}/${r.recordType}`}>
                <td>{r.systemName}</td>
                <td>{r.recordType}</td>
                <td className="number">{formatNumber(r.count, info.language)}</td>
                <td>{r.categories.join(", ")}</td>
                <td>
                  {r.files.length
                    ? r.files.map((file, i) => (
                        <span key={file}>
                          {i > 0 && <br />}
                          <code>{file}</code>
                        </span>
                      ))
                    : t.found.noFiles}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {info.copyIncluded && info.records.length > 0 && <p>{t.fileNote}</p>}
    </>
  );
}

function Details({ info, t }: { info: AccessInformation; t: ReportTerms }) {
  return (
    <>
      <h2>{t.categories.heading}</h2>
      <table>
        <caption>{t.categories.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.categories.category}</th>
            <th scope="col">{t.categories.description}</th>
          </tr>
        </thead>
        <tbody>
          {info.categories.map((c) => (
            <tr key={c.id}>
              <td>{c.label}</td>
              <td>{c.description ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t.processing.heading}</h2>
      <p>{t.processing.intro}</p>
      {info.processing.map((p) => (
        <Processing key={p.id} p={p} info={info} t={t} />
      ))}

      <h2>{t.recipients.heading}</h2>
      {info.recipients.length === 0 ? (
        <p>{t.recipients.none}</p>
      ) : (
        <table>
          <caption>{t.recipients.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.recipients.name}</th>
              <th scope="col">{t.recipients.role}</th>
              <th scope="col">{t.recipients.kind}</th>
              <th scope="col">{t.recipients.country}</th>
            </tr>
          </thead>
          <tbody>
            {info.recipients.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.name}
                  {r.url && (
                    <>
                      <br />
                      <a href={r.url}>{r.url}</a>
                    </>
                  )}
                </td>
                <td>{r.role}</td>
                <td>{r.kindText}</td>
                <td>{r.country ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t.transfers.heading}</h2>
      {info.transfers.length === 0 ? (
        <p>{t.transfers.none}</p>
      ) : (
        <table>
          <caption>{t.transfers.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.transfers.recipient}</th>
              <th scope="col">{t.transfers.country}</th>
              <th scope="col">{t.transfers.safeguard}</th>
            </tr>
          </thead>
          <tbody>
            {info.transfers.map((x) => (
              <tr key={`${x.recipientId}|${x.countryCode}|${x.safeguard}`}>
                <td>{x.recipientName}</td>
                <td>{x.country}</td>
                <td>{x.safeguardText}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
      <table>
        <thead>
          <tr>
            <th scope="col">{t.processing.field}</th>
            <th scope="col">{t.processing.value}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, values]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {values.length === 1 ? (
                  values[0]
                ) : (
                  <ul>
                    {values.map((v) => (
                      <li key={v}>{v}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Address({ lines }: { lines: readonly string[] }) {
  return (
    <address>
      {lines.map((line, i) => (
        <span key={`${i}-${line}`}>
          {i > 0 && <br />}
          {line}
        </span>
      ))}
    </address>
  );
}
