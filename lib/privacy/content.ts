// The content model of the running portal: the files in content/, validated once per process and
// kept in memory. Pages therefore do no data work per request; the content check has already run
// before the build and at start, so a failure here means someone changed content/ under a running portal.
import path from "node:path";
import controller from "../../content/controller";
import dataCategories from "../../content/data-categories";
import recipients from "../../content/recipients";
import register from "../../content/register";
import versions from "../../content/versions";
import { readStatements } from "./read-content-dir";
import { formatProblem, validateContent, type Content } from "./validate-content";

// The server runs from the repository root (scripts/start.ts changes into it), so is every test and script.
const CONTENT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "content");

let cached: Content | undefined;

export function content(): Content {
  if (cached) return cached;
  const result = validateContent({
    files: { controller, dataCategories, recipients, register, versions },
    statements: readStatements(CONTENT_DIR),
  });
  if (!result.ok) {
    const [first] = result.problems;
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more: npm run content:check)` : "";
    throw new Error(`Invalid privacy statement content: ${formatProblem(first!)}${more}`);
  }
  cached = result.content;
  return cached;
}
