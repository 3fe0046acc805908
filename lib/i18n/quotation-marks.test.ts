// Every text people read, in the marks its language quotes with (scripts/test/quotation-marks.ts):
// German „…“, English “…”, never a straight ". The texts themselves are tested, not the files' syntax:
// the messages' values, the mails as rendered, the privacy statement as its readers get it (Markdown
// and register together), the content's German and English fields, and the strings of the sources
// that hold prose (mail templates, notices, the demo seed).
import { execSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { quotationProblems, stringsInSource, type QuoteStyle } from "../../scripts/test/quotation-marks";
import { renderMail } from "../mail/render-mail";
import { templates, type TemplateName } from "../mail/templates";
import { samples } from "../mail/templates/samples";
import { content } from "../privacy/content";
import { renderedStatement } from "../privacy/rendered";
import { extensionNotice } from "../requests/notices/extension-notice";
import { allMessages } from "./all-messages";
import { locales } from "./locales";

const { de, en } = allMessages;

/** Collects every problem, so that one run names them all. */
function checker() {
  const problems: string[] = [];
  return {
    check: (text: string, style: QuoteStyle, where: string) =>
      problems.push(...quotationProblems(text, style).map((problem) => `${where}: ${problem}`)),
    problems,
  };
}

/** [path, text] for every string in a messages tree. */
function entries(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as object).flatMap(([key, child]) => entries(child, path ? `${path}.${key}` : key));
}

/** Tracked TypeScript sources (tests and generated code left out) under `paths`. */
function sources(...paths: string[]): string[] {
  return execSync(`git ls-files -- ${paths.join(" ")}`, { encoding: "utf8" })
    .split("\n")
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes("/generated/"));
}

describe("quotation marks", () => {
  it("in the messages: „…“ in German, “…” in English", () => {
    const { check, problems } = checker();
    for (const [path, text] of entries(de)) check(text, "de", `de.json ${path}`);
    for (const [path, text] of entries(en)) check(text, "en", `en.json ${path}`);
    expect(problems).toEqual([]);
  });

  it("in every mail as rendered, subject and text, in its language", async () => {
    const { check, problems } = checker();
    for (const name of Object.keys(templates) as TemplateName[]) {
      for (const language of locales) {
        const mail = await renderMail(name, language, samples[name]);
        check(mail.subject, language, `${name}/${language} subject`);
        check(mail.text, language, `${name}/${language} text`);
      }
    }
    for (const language of locales) {
      const notice = extensionNotice(language, { reference: "DSR-2026-000042", due: "2027-02-02", reason: "—" });
      check(notice, language, `extension notice/${language}`);
    }
    expect(problems).toEqual([]);
  });

  it("in the privacy statement, every version in both languages, register texts included", () => {
    const { check, problems } = checker();
    for (const version of content().versions) {
      for (const language of locales) {
        const statement = renderedStatement(version.id, language)!;
        for (const block of statement.blocks) check(block.text, language, `${version.id}/${language}.md`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("in the content's German and English fields", () => {
    const { check, problems } = checker();
    const walk = (value: unknown, path: string): void => {
      if (typeof value !== "object" || value === null) return;
      const record = value as Record<string, unknown>;
      if (typeof record.de === "string" && typeof record.en === "string") {
        check(record.de, "de", `${path}.de`);
        check(record.en, "en", `${path}.en`);
      }
      for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`);
    };
    const { statements: _texts, ...data } = content();
    walk(data, "content");
    expect(problems).toEqual([]);
  });

  it("in the strings of the sources that hold prose: each pair one language's, no straight quotes", () => {
    const { check, problems } = checker();
    const files = sources("lib/mail/templates", "lib/requests/notices", "prisma/seed.ts", "content");
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      for (const { line, text } of stringsInSource(file)) check(text, "either", `${file}:${line}`);
    }
    expect(problems).toEqual([]);
  });

  it("anywhere else: a string with „ quotes as German does, one with “ or ” as English does", () => {
    const { check, problems } = checker();
    for (const file of sources("app", "components", "lib", "content", "prisma", "proxy.ts")) {
      for (const { line, text } of stringsInSource(file)) {
        if (text.includes("„")) check(text, "de", `${file}:${line}`);
        else if (/[“”]/.test(text)) check(text, "en", `${file}:${line}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
