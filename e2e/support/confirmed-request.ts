// A confirmed request made through the domain functions (scripts/test/confirmed-request.ts under tsx:
// the e2e loader cannot import the workflow, which reaches the JSON message files). Returns its reference.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { E2E_DATABASE_URL } from "./environment";

export function confirmedRequest(email: string, language: "de" | "en"): string {
  const root = path.resolve(import.meta.dirname, "../..");
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const script = path.join(root, "scripts/test/confirmed-request.ts");
  return execFileSync(tsx, [script, E2E_DATABASE_URL, email, language], { cwd: root, encoding: "utf8" }).trim();
}
