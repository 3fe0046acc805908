// Reads a content folder from disk for the content check: the TypeScript files by importing them
// (they hold plain data), the Markdown files as text. Works on any copy of the folder.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { contentFiles, STATEMENTS_DIR, type ContentFileKey } from "./content-files";
import type { RawContent } from "./validate-content";

export async function readContentDir(dir: string): Promise<RawContent> {
  const files = {} as Record<ContentFileKey, unknown>;
  const loadErrors: RawContent["loadErrors"] = {};
  for (const [key, name] of Object.entries(contentFiles) as [ContentFileKey, string][]) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    try {
      const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
      files[key] = loaded.default;
    } catch (error) {
      loadErrors[key] = `cannot be loaded: ${firstLine(error)}`;
    }
  }
  return { files, statements: readStatements(dir), loadErrors };
}

/** Every statements/<version>/<locale>.md below `dir`, with paths relative to it. */
export function readStatements(dir: string): RawContent["statements"] {
  const root = path.join(dir, STATEMENTS_DIR);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((version) =>
      fs
        .readdirSync(path.join(root, version.name))
        .filter((name) => name.endsWith(".md"))
        .map((name) => ({
          file: `${STATEMENTS_DIR}/${version.name}/${name}`,
          markdown: fs.readFileSync(path.join(root, version.name, name), "utf8"),
        })),
    )
    .sort((a, b) => a.file.localeCompare(b.file));
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .find((l) => l.trim())
      ?.trim() ?? "unknown error"
  );
}
