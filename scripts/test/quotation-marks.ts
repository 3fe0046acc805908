// Quotation marks as each language writes them, for the tests that read every text people see:
// German „…“ (U+201E, U+201C), English “…” (U+201C, U+201D). A straight " is a typewriter's mark and
// never quotes in prose. Single marks are not checked: ’ is also the apostrophe.
import fs from "node:fs";
import ts from "typescript";

export type QuoteStyle = "de" | "en" | "either";

const OPEN_DE = "„";
const CLOSE_DE = "“";
const OPEN_EN = "“";
const CLOSE_EN = "”";

/**
 * What is wrong with the double quotation marks of `text`, as "<problem> at <excerpt>" lines (empty
 * when nothing is). "either" is for a text whose language is unknown: each pair must be one
 * language's, „…“ or “…”.
 */
export function quotationProblems(text: string, style: QuoteStyle): string[] {
  const problems: string[] = [];
  const at = (index: number) => JSON.stringify(text.slice(Math.max(0, index - 30), index + 30));
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const top = open.length ? text[open[open.length - 1]!] : undefined;
    if (char === '"') problems.push(`straight " at ${at(i)}`);
    else if (char === OPEN_DE) {
      if (style === "en") problems.push(`German „ in English at ${at(i)}`);
      open.push(i);
    } else if (char === CLOSE_DE && top === OPEN_DE) open.pop();
    else if (char === OPEN_EN) {
      if (style === "de") problems.push(`“ opens nothing in German (write „…“) at ${at(i)}`);
      else open.push(i);
    } else if (char === CLOSE_EN) {
      if (style === "de") problems.push(`English ” in German (write „…“) at ${at(i)}`);
      else if (top === OPEN_EN) open.pop();
      else problems.push(`” closes nothing at ${at(i)}`);
    }
  }
  for (const index of open) problems.push(`${text[index]} is never closed at ${at(index)}`);
  return problems;
}

/**
 * The texts a TypeScript source file holds, as written, without its syntax: string literals,
 * template literals (each `${…}` read as "…", so a mark before and after a value still pairs) and
 * JSX text; not module names.
 */
export function stringsInSource(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const add = (node: ts.Node, text: string) =>
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) {
      add(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      add(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("…"));
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
