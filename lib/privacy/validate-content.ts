// The whole content model checked at once: each file against its zod schema, then the references
// between files (categories, recipients, versions, register ↔ statement text). Pure: the caller reads
// the files (read-content-dir.ts for the check script, content.ts for the running portal).
import type { Root } from "mdast";
import type { z } from "zod";
import { locales, type Locale } from "../i18n/locales";
import { contentFiles, statementFile, type ContentFileKey } from "./content-files";
import { isThirdCountry } from "./eea";
import { controllerFileSchema, type ControllerFile } from "./schema/controller";
import { dataCategoriesFileSchema, type DataCategory } from "./schema/data-categories";
import { recipientsFileSchema, type Recipient } from "./schema/recipients";
import { registerFileSchema, type RegisterEntry } from "./schema/register";
import { versionsFileSchema, type StatementVersion } from "./schema/versions";
import { checkStatement, type StatementFacts } from "./statement/check-statement";
import { parseStatement } from "./statement/parse";

export interface RawContent {
  /** The default export of each content file; undefined when the file is missing. */
  files: Record<ContentFileKey, unknown>;
  /** Every Markdown file found under statements/, by its path relative to the content folder. */
  statements: { file: string; markdown: string }[];
  /** Files that could not be loaded at all (syntax error, missing): relative path → reason. */
  loadErrors?: Partial<Record<ContentFileKey, string>>;
}

export interface ContentProblem {
  /** Relative to the content folder: "register.ts", "statements/2023-07/de.md". */
  file: string;
  /** The field, as in entries[3].legalBases[0].code. */
  path?: string;
  line?: number;
  message: string;
}

export interface Statement {
  file: string;
  markdown: string;
  tree: Root;
  facts: StatementFacts;
}

export interface Content {
  controller: ControllerFile;
  dataCategories: DataCategory[];
  recipients: Recipient[];
  entries: RegisterEntry[];
  /** Oldest first. */
  versions: StatementVersion[];
  statements: Record<string, Record<Locale, Statement>>;
}

export type ValidationResult = { ok: true; content: Content } | { ok: false; problems: ContentProblem[] };

/** "content/register.ts: entries[3].legalBases[0].code: …" — `prefix` is how the folder is named to the reader. */
export function formatProblem(problem: ContentProblem, prefix = "content"): string {
  const where = problem.line ? `:${problem.line}` : "";
  const path = problem.path ? ` ${problem.path}:` : "";
  return `${prefix}/${problem.file}${where}:${path} ${problem.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

export function validateContent(raw: RawContent): ValidationResult {
  const problems: ContentProblem[] = [];

  function parse<S extends z.ZodType>(key: ContentFileKey, schema: S): z.output<S> | undefined {
    const file = contentFiles[key];
    const loadError = raw.loadErrors?.[key];
    if (loadError) {
      problems.push({ file, message: loadError });
      return undefined;
    }
    if (raw.files[key] === undefined) {
      problems.push({ file, message: "is missing or has no default export" });
      return undefined;
    }
    const result = schema.safeParse(raw.files[key]);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      problems.push({ file, path: formatPath(issue.path) || undefined, message: issue.message });
    return undefined;
  }

  const controller = parse("controller", controllerFileSchema);
  const categories = parse("dataCategories", dataCategoriesFileSchema)?.categories;
  const recipients = parse("recipients", recipientsFileSchema)?.recipients;
  const entries = parse("register", registerFileSchema)?.entries;
  const versions = parse("versions", versionsFileSchema)?.versions;

  const before = problems.length;
  if (categories && recipients && entries && versions)
    checkRegisterReferences(entries, categories, recipients, versions, problems);
  // The texts are checked against the register, so a broken register would only add echoes of its own problems.
  const registerSound = problems.length === before;
  const statements =
    versions && entries && registerSound ? checkStatements(raw, versions, entries, problems) : undefined;

  if (problems.length || !controller || !categories || !recipients || !entries || !versions || !statements)
    return { ok: false, problems };
  return {
    ok: true,
    content: { controller, dataCategories: categories, recipients, entries, versions, statements },
  };
}

/** Entries in a version's register: introduced at or before it, not yet removed. */
export function entriesInVersion(entries: readonly RegisterEntry[], versions: readonly StatementVersion[], id: string) {
  const order = (v: string | undefined, fallback: number) => {
    const index = v === undefined ? -1 : versions.findIndex((x) => x.id === v);
    return index < 0 ? fallback : index;
  };
  const at = order(id, -1);
  return entries.filter((e) => order(e.introducedIn, 0) <= at && at < order(e.removedIn, Infinity));
}

function checkRegisterReferences(
  entries: RegisterEntry[],
  categories: DataCategory[],
  recipients: Recipient[],
  versions: StatementVersion[],
  problems: ContentProblem[],
): void {
  const file = contentFiles.register;
  const add = (path: string, message: string) => problems.push({ file, path, message });
  const categoryIds = new Set(categories.map((c) => c.id));
  const recipientById = new Map(recipients.map((r) => [r.id, r]));
  const versionIds = versions.map((v) => v.id);
  const usedCategories = new Set<string>();
  const usedRecipients = new Set<string>();

  entries.forEach((entry, i) => {
    const at = `entries[${i}]`;
    entry.dataCategories.forEach((id, j) => {
      usedCategories.add(id);
      if (!categoryIds.has(id))
        add(`${at}.dataCategories[${j}]`, `unknown data category "${id}" (${contentFiles.dataCategories})`);
    });
    entry.recipients.forEach((id, j) => {
      usedRecipients.add(id);
      const recipient = recipientById.get(id);
      if (!recipient) add(`${at}.recipients[${j}]`, `unknown recipient "${id}" (${contentFiles.recipients})`);
      else if (
        recipient.country &&
        isThirdCountry(recipient.country) &&
        !entry.thirdCountryTransfers.some((t) => t.recipient === id)
      )
        add(
          `${at}.thirdCountryTransfers`,
          `recipient "${id}" is in ${recipient.country}, outside the EEA: name the transfer and its safeguard (Art. 44-49)`,
        );
    });
    entry.thirdCountryTransfers.forEach((transfer, j) => {
      const recipient = recipientById.get(transfer.recipient);
      if (!entry.recipients.includes(transfer.recipient))
        add(
          `${at}.thirdCountryTransfers[${j}].recipient`,
          `"${transfer.recipient}" is not among this entry's recipients`,
        );
      if (!isThirdCountry(transfer.country))
        add(
          `${at}.thirdCountryTransfers[${j}].country`,
          `${transfer.country} is in the EEA: no third-country transfer`,
        );
      if (recipient?.country && recipient.country !== transfer.country)
        add(
          `${at}.thirdCountryTransfers[${j}].country`,
          `is ${transfer.country} but the recipient is in ${recipient.country}`,
        );
    });
    (entry.independentControllers ?? []).forEach((id, j) => {
      const path = `${at}.independentControllers[${j}]`;
      if (!entry.recipients.includes(id)) add(path, `"${id}" must also be among this entry's recipients`);
      else if (recipientById.get(id)?.kind !== "independent-controller")
        add(path, `recipient "${id}" is not of kind "independent-controller" (${contentFiles.recipients})`);
    });
    for (const key of ["introducedIn", "removedIn"] as const) {
      const v = entry[key];
      if (v !== undefined && !versionIds.includes(v))
        add(`${at}.${key}`, `unknown version "${v}" (${contentFiles.versions})`);
    }
    if (
      entry.introducedIn &&
      entry.removedIn &&
      versionIds.indexOf(entry.removedIn) <= versionIds.indexOf(entry.introducedIn)
    )
      add(`${at}.removedIn`, `must be a later version than introducedIn ${entry.introducedIn}`);
  });

  categories.forEach((c, i) => {
    if (!usedCategories.has(c.id))
      problems.push({
        file: contentFiles.dataCategories,
        path: `categories[${i}]`,
        message: `"${c.id}" is used by no register entry`,
      });
  });
  recipients.forEach((r, i) => {
    if (!usedRecipients.has(r.id))
      problems.push({
        file: contentFiles.recipients,
        path: `recipients[${i}]`,
        message: `"${r.id}" is used by no register entry`,
      });
  });
}

function checkStatements(
  raw: RawContent,
  versions: StatementVersion[],
  entries: RegisterEntry[],
  problems: ContentProblem[],
): Record<string, Record<Locale, Statement>> | undefined {
  const byFile = new Map(raw.statements.map((s) => [s.file, s.markdown]));
  const expected = new Set(versions.flatMap((v) => locales.map((l) => statementFile(v.id, l))));
  for (const file of byFile.keys())
    if (!expected.has(file))
      problems.push({
        file,
        message: `belongs to no version in ${contentFiles.versions} (or to no language: ${locales.join(", ")})`,
      });

  const allEntryIds = new Set(entries.map((e) => e.id));
  const result: Record<string, Record<Locale, Statement>> = {};
  let complete = true;
  for (const version of versions) {
    const entryIds = new Set(entriesInVersion(entries, versions, version.id).map((e) => e.id));
    const perLocale: Partial<Record<Locale, Statement>> = {};
    for (const locale of locales) {
      const file = statementFile(version.id, locale);
      const markdown = byFile.get(file);
      if (markdown === undefined) {
        problems.push({ file, message: `is missing: version ${version.id} needs a text in every language` });
        complete = false;
        continue;
      }
      const tree = parseStatement(markdown);
      const { problems: found, facts } = checkStatement(tree, {
        locale,
        effective: version.effective,
        entryIds,
        allEntryIds,
      });
      for (const p of found) problems.push({ file, line: p.line, message: p.message });
      for (const id of entryIds) {
        const count = facts.processingRefs.filter((r) => r === id).length;
        if (count !== 1)
          problems.push({
            file,
            message: count
              ? `register entry "${id}" is embedded ${count} times; embed it once`
              : `register entry "${id}" is not in the text: add ::processing{id="${id}"} to its section`,
          });
      }
      perLocale[locale] = { file, markdown, tree, facts };
    }
    const [first, ...others] = locales.map((l) => perLocale[l]);
    for (const other of others) {
      if (!first || !other) continue;
      if (first.facts.headingIds.join(" ") !== other.facts.headingIds.join(" "))
        problems.push({
          file: other.file,
          message: `has other sections than ${first.file}: heading ids must be the same, in the same order (${describeDifference(first.facts.headingIds, other.facts.headingIds)})`,
        });
    }
    if (perLocale.de && perLocale.en) result[version.id] = { de: perLocale.de, en: perLocale.en };
  }
  return complete ? result : undefined;
}

function describeDifference(a: readonly string[], b: readonly string[]): string {
  const missing = a.filter((id) => !b.includes(id));
  const extra = b.filter((id) => !a.includes(id));
  if (missing.length || extra.length)
    return [missing.length ? `missing ${missing.join(", ")}` : "", extra.length ? `extra ${extra.join(", ")}` : ""]
      .filter(Boolean)
      .join("; ");
  return "same ids, different order";
}
