// report.html: a self-contained, accessible document in the subject's language that names the found
// categories and no other, lists the records per system with their files, and escapes every value.
import { describe, expect, it } from "vitest";
import { accessInformation, type AccessInformationInput } from "./access-information";
import { renderReportHtml } from "./report-html";

const now = new Date("2026-12-01T08:00:00.000Z");

function html(extra: Partial<AccessInformationInput> = {}, options?: { pdfIncluded?: boolean }) {
  return renderReportHtml(
    accessInformation({
      categoriesFound: ["message-content", "ip-address"],
      language: "en",
      now,
      reference: "DSR-2026-0042",
      foundBySystem: [
        {
          system: "platform",
          systemName: "ilert platform",
          records: [
            { recordType: "support-tickets", count: 2, categories: ["message-content"] },
            { recordType: "usage-events", count: 12345, categories: ["ip-address"] },
          ],
        },
      ],
      ...extra,
    }),
    options,
  );
}

/** The text of every element with this tag, markup removed. */
function texts(document: string, tag: string): string[] {
  return [...document.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, "gs"))].map((m) =>
    m[1]!.replace(/<[^>]+>/g, ""),
  );
}

describe("renderReportHtml", () => {
  it("is a complete document in the subject's language with a title and headings in order", () => {
    const document = html();
    expect(document.startsWith('<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>')).toBe(true);
    expect(texts(document, "title")).toEqual(["Information about your data – DSR-2026-0042"]);
    expect(texts(document, "h1")).toEqual(["Information about your data"]);
    expect(texts(document, "h2")).toEqual([
      "Do we process data about you?",
      "Where we found data",
      "Which data we process about you",
      "What we process your data for",
      "Who receives your data",
      "Transfers to countries outside the EU",
      "Your rights",
      "Complaining to a supervisory authority",
      "Who is responsible and whom you can ask",
    ]);
    expect(document).toContain("<main>");
  });

  it("needs nothing from outside: no scripts, stylesheets, images, frames or CSS imports", () => {
    const document = html();
    expect(document).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(|\bsrc=/i);
    expect(texts(document, "style")).toHaveLength(1);
  });

  it("every table has a caption or heading and header cells with a scope", () => {
    const document = html();
    const tables = [...document.matchAll(/<table>(.*?)<\/table>/gs)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      expect(table).toMatch(/<thead><tr><th scope="col">/);
      expect(table).not.toMatch(/<th>/);
    }
  });

  it("the records per system with their counts and the files in data/", () => {
    const document = html();
    expect(document).toContain(
      '<tr><td>ilert platform</td><td>usage-events</td><td class="number">12,345</td><td>IP address</td><td><span><code>data/platform/usage-events.json</code></span><span><br/><code>data/platform/usage-events.csv</code></span></td></tr>',
    );
    expect(document).toContain("In the folder data/, each system has its own folder");
  });

  it("names the found categories and only the entries and recipients they bring", () => {
    const document = html();
    expect(texts(document, "h3")).toEqual([
      "Registration and user account",
      "Using the app",
      "Support by email and phone",
      "Support chat in the app",
      "Rectification (Art. 16 GDPR)",
      "Erasure (Art. 17 GDPR)",
      "Restriction (Art. 18 GDPR)",
      "Data portability (Art. 20 GDPR)",
      "Objection (Art. 21 GDPR)",
      "Controller",
      "Data protection officer",
    ]);
    expect(document).toContain("<td>Content of your messages</td>");
    expect(document).toContain("<td>IP address</td>");
    expect(document).not.toContain("Crash reports");
    expect(document).not.toContain("App permissions");
    expect(document).not.toContain("Withdrawing consent");
    expect(document).toContain("standard contractual clauses of the European Commission (Art. 46(2)(c) GDPR)");
    expect(document).toContain(
      "State Commissioner for Data Protection and Freedom of Information of North Rhine-Westphalia",
    );
  });

  it("confirmation only: says so, lists no files, no file note", () => {
    const document = html({ copyIncluded: false });
    expect(document).toContain("You asked for a confirmation only, without a copy of your data.");
    expect(document).not.toContain("data/platform/");
    expect(document).not.toContain("In the folder data/");
    expect(document).toContain("none (confirmation only)");
  });

  it("German", () => {
    const document = html({ language: "de" }, { pdfIncluded: true });
    expect(document).toContain('<html lang="de">');
    expect(texts(document, "h1")).toEqual(["Auskunft über Ihre Daten"]);
    expect(document).toContain("12.345");
    expect(document).toContain("Derselbe Bericht liegt als report.pdf bei.");
    expect(document).toContain("50678 Köln");
  });

  it("escapes every value: markup in a system name or record type stays text", () => {
    const document = html({
      foundBySystem: [
        {
          system: "crm",
          systemName: '<script>alert("x")</script> & Co',
          records: [{ recordType: "a<b>", count: 1, categories: ["ip-address"] }],
        },
      ],
    });
    expect(document).not.toContain("<script>");
    expect(document).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(document).toContain("<td>a&lt;b&gt;</td>");
  });
});
