// `npm run -s export:verify` as an operator runs it: a real process on real packages (Art. 15(3) GDPR copy,
// integrity Art. 5(1)(f)). It needs no database: DATABASE_URL is set to nonsense here and must not matter.
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readZip, tempDir, writeZip } from "../lib/fulfilment/export/test-helpers";
import { writeAccessPackage } from "../lib/fulfilment/export/write-package";
import { runScript, type ScriptRun } from "./test/run-script";

function cli(env: Record<string, string>, ...args: string[]): Promise<ScriptRun> {
  return runScript("scripts/export-verify.ts", args, {
    EXPORT_ENCRYPTION_KEY: "",
    DATABASE_URL: "no database here",
    ...env,
  });
}

async function* rows() {
  yield { id: 1, name: "Jürgen", note: "=1+1" };
  yield { id: 2, name: "Zoë", note: "ok" };
}

async function packageIn(dir: string, encryptionKey?: Buffer): Promise<string> {
  const result = await writeAccessPackage({
    reference: "DSR-CLI-1",
    language: "en",
    createdAt: new Date("2026-12-01T06:00:00Z"),
    outputDir: dir,
    sources: [{ system: "crm", recordType: "contacts", rows: rows() }],
    report: "<p>Your data</p>",
    encryptionKey,
  });
  return result.path;
}

describe("npm run -s export:verify", () => {
  it("exit 0 with the file count and reference for a whole package", async () => {
    const file = await packageIn(await tempDir());
    expect(await cli({}, file)).toEqual({ code: 0, stdout: "ok: 3 files, reference DSR-CLI-1\n", stderr: "" });
  });

  it("exit 1 naming the changed file", async () => {
    const dir = await tempDir();
    const entries = await readZip(await packageIn(dir));
    entries.set("data/crm/contacts.json", Buffer.from("[]\n"));
    const changed = path.join(dir, "changed.zip");
    await writeZip(changed, entries);
    const run = await cli({}, changed);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bad: data\/crm\/contacts\.json: size 3 bytes, the manifest says \d+\n$/);
  });

  it("encrypted: the key from --key-env or EXPORT_ENCRYPTION_KEY opens it; none or another is exit 2; tampering exit 1", async () => {
    const key = randomBytes(32);
    const dir = await tempDir();
    const file = await packageIn(dir, key);
    const base64 = key.toString("base64");
    expect((await cli({ MY_KEY: base64 }, file, "--key-env", "MY_KEY")).stdout).toBe(
      "ok: 3 files, reference DSR-CLI-1\n",
    );
    expect((await cli({ EXPORT_ENCRYPTION_KEY: base64 }, file)).code).toBe(0);

    const none = await cli({}, file);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("the package is encrypted and no key was given");
    const other = await cli({ EXPORT_ENCRYPTION_KEY: randomBytes(32).toString("base64") }, file);
    expect(other).toMatchObject({ code: 2, stderr: "error: the package was encrypted with a different key\n" });

    const bytes = await readZip(file).catch(() => undefined);
    expect(bytes).toBeUndefined(); // the file on disk is no ZIP
    const tampered = await readFile(file);
    tampered[60] = tampered[60]! ^ 0xff;
    const tamperedFile = path.join(dir, "tampered.zip.enc");
    await writeFile(tamperedFile, tampered);
    const run = await cli({ EXPORT_ENCRYPTION_KEY: base64 }, tamperedFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bad: tampered\.zip\.enc: .*integrity check/);
  });

  it("exit 2 for usage errors, naming the problem", async () => {
    const noFile = await cli({});
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("error: no package file given\nusage: npm run -s export:verify -- FILE.zip");
    expect((await cli({}, "a.zip", "--bogus")).stderr).toContain("unknown option --bogus");
    expect((await cli({}, "a.zip", "--key-env", "UNSET_VARIABLE_X")).stderr).toContain("UNSET_VARIABLE_X is not set");
    const missing = await cli({}, path.join(await tempDir(), "missing.zip"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ENOENT");
    const badKey = await cli({ EXPORT_ENCRYPTION_KEY: "c2hvcnQ=" }, "a.zip");
    expect(badKey).toMatchObject({ code: 2 });
    expect(badKey.stderr).toContain("EXPORT_ENCRYPTION_KEY must be the base64 of exactly 32 random bytes");
    expect(badKey.stderr).not.toContain("c2hvcnQ=");
  });
});
