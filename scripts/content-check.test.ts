// `npm run content:check` as an editor meets it: a real process on a copy of content/ with one mistake.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "content-check-"));

afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function copyOfContent(name: string): string {
  const dir = path.join(temp, name, "content");
  fs.cpSync(path.join(root, "content"), dir, { recursive: true });
  return dir;
}

function check(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/content-check.ts", "--dir", dir], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe.concurrent("scripts/content-check.ts", () => {
  it("passes the content as it is", async () => {
    const run = await check(copyOfContent("good"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("content: ok (2 versions, 6 register entries, 20 data categories)\n");
  });

  it("stops on a broken legal basis with exit code 1, naming the file and the field", async () => {
    const dir = copyOfContent("bad-basis");
    const file = path.join(dir, "register.ts");
    const source = fs.readFileSync(file, "utf8");
    // entries[3] is the app permissions entry, the only one based on consent.
    const broken = source.replace('legalBases: [{ code: "a" }]', 'legalBases: [{ code: "consent" }]');
    expect(broken).not.toBe(source);
    fs.writeFileSync(file, broken);
    const run = await check(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'content/register.ts: entries[3].legalBases[0].code: Invalid option: expected one of "a"|"b"|"c"|"d"|"e"|"f"\n',
    );
  });

  it("stops when the text and the version's date disagree, naming the file and the line", async () => {
    const dir = copyOfContent("bad-date");
    const file = path.join(dir, "statements/2023-07/en.md");
    fs.writeFileSync(
      file,
      fs.readFileSync(file, "utf8").replace("Last updated: July 2023.", "Last updated: June 2023."),
    );
    const run = await check(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^content\/statements\/2023-07\/en\.md:\d+: "Last updated: June 2023" contradicts the version's effective date 2023-07-01/,
    );
  });

  it("names a file that cannot be loaded", async () => {
    const dir = copyOfContent("syntax");
    fs.writeFileSync(path.join(dir, "versions.ts"), "export default {");
    const run = await check(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^content\/versions\.ts: cannot be loaded: /);
  });
});
