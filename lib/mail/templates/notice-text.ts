// The words of a notice the data subject receives, as the DPO edits them (issue 13): a subject line
// and a body of paragraphs (separated by a blank line) with {{placeholder}}s the mail fills from the
// request. Pure: the renderer, the editor's validation and its preview share these rules.

/** A notice's text: a subject line and a body, both with {{placeholder}}s. */
export interface NoticeText {
  subject: string;
  body: string;
}

/** `{{ name }}`: letters and digits, starting with a letter; spaces inside the braces are allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
/** Anything between double braces, to find tokens that are no valid placeholder (e.g. `{{due date}}`). */
const TOKEN = /\{\{(.*?)\}\}/g;

/** The placeholder names `text` uses, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/**
 * What `text` has between double braces that is no well-formed placeholder, and stray braces
 * (`{{` without `}}` or the reverse), as typed: the editor refuses these rather than send them.
 */
export function malformedTokensIn(text: string): string[] {
  const bad = Array.from(text.matchAll(TOKEN), (m) => m[0]).filter(
    (token) => !/^\{\{\s*[A-Za-z][A-Za-z0-9]*\s*\}\}$/.test(token),
  );
  const rest = text.replace(TOKEN, "");
  if (rest.includes("{{")) bad.push("{{");
  if (rest.includes("}}")) bad.push("}}");
  return [...new Set(bad)];
}

/** `text` with each known placeholder replaced by its value; an unknown one stays as typed. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/** The body's paragraphs: split at blank lines, trimmed, empty ones dropped. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** The placeholder a paragraph consists of alone (e.g. "{{reasons}}"), else null. */
export function solePlaceholder(paragraph: string): string | null {
  const match = /^\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}$/.exec(paragraph.trim());
  return match ? match[1]! : null;
}
