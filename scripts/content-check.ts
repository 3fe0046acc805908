// `npm run content:check [-- --dir <folder>]`: validates the privacy statement's content model
// (content/) and prints one line per problem, naming the file and the field, then exits 1.
// `npm run build` and `npm start` run it before anything else, so bad content never ships.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkContentDir } from "./content/check-content-dir";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv: string[]): string {
  const index = argv.indexOf("--dir");
  if (index < 0) return path.join(root, "content");
  const dir = argv[index + 1];
  if (!dir) {
    process.stderr.write("error: --dir needs a folder\n");
    process.exit(2);
  }
  return path.resolve(dir);
}

const result = await checkContentDir(parseArgs(process.argv.slice(2)));
if (result.ok) {
  process.stdout.write(`${result.summary}\n`);
} else {
  for (const line of result.lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}
