// The content check as a function, shared by scripts/content-check.ts, the build and npm start.
import path from "node:path";
import { readContentDir } from "../../lib/privacy/read-content-dir";
import { formatProblem, validateContent } from "../../lib/privacy/validate-content";

export type ContentCheck = { ok: true; summary: string } | { ok: false; lines: string[] };

export async function checkContentDir(dir: string): Promise<ContentCheck> {
  const result = validateContent(await readContentDir(dir));
  // Named as the reader knows the folder ("content/register.ts"), wherever a copy lives.
  const prefix = path.basename(dir);
  if (!result.ok) return { ok: false, lines: result.problems.map((p) => formatProblem(p, prefix)) };
  const { versions, entries, dataCategories } = result.content;
  return {
    ok: true,
    summary: `${prefix}: ok (${versions.length} versions, ${entries.length} register entries, ${dataCategories.length} data categories)`,
  };
}
