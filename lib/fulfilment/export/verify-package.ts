// Checks an access package against its own manifest.json: every file's size and SHA-256, files in the ZIP
// the manifest does not list, files it lists that are missing (integrity, Art. 5(1)(f) GDPR; the copy of
// Art. 15(3) must be whole). Needs no database: scripts/export-verify.ts and tests call it on a file.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { isEncryptedPackage, openPackage, PackageDecryptionError } from "./encryption";
import { MANIFEST_PATH, manifestSchema } from "./manifest";

export type VerifyResult =
  | { ok: true; files: number; reference: string }
  /** `file`: the first bad file (ZIP order, then manifest order), or the package itself for a broken container. */
  | { ok: false; file: string; reason: string };

interface SeenEntry {
  path: string;
  size: number;
  sha256: string;
  text?: string;
}

// manifest.json lists paths, sizes and hashes: even a million sources stay far below this.
const MANIFEST_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Verifies the package at `filePath` (plain ZIP, or encrypted with `key`, see ./encryption.ts). An
 * encrypted package is first decrypted into a private temporary directory (mode 0700, removed afterwards)
 * because a ZIP is read from its end. Returns ok with the number of files checked (manifest.json not
 * counted) and the reference, or the first bad file and why.
 * Throws PackageDecryptionError for "key_missing" and "wrong_key" (nothing could be checked), and
 * node:fs errors (e.g. ENOENT) as they come; a tampered or damaged file is a result, not a throw.
 */
export async function verifyPackage(filePath: string, key?: Buffer): Promise<VerifyResult> {
  const packageName = path.basename(filePath);
  if (!(await isEncryptedPackage(filePath))) return verifyZip(filePath, packageName);
  const dir = await mkdtemp(path.join(os.tmpdir(), "export-verify-"));
  try {
    const plainPath = path.join(dir, "package.zip");
    try {
      await pipeline(await openPackage(filePath, key), createWriteStream(plainPath, { flags: "wx", mode: 0o600 }));
    } catch (error) {
      if (error instanceof PackageDecryptionError && (error.reason === "tampered" || error.reason === "bad_header")) {
        return { ok: false, file: packageName, reason: error.message };
      }
      throw error;
    }
    return await verifyZip(plainPath, packageName);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function verifyZip(zipPath: string, packageName: string): Promise<VerifyResult> {
  let entries: SeenEntry[];
  try {
    entries = await readEntries(zipPath);
  } catch (error) {
    if (error instanceof EntryReadError)
      return { ok: false, file: error.file, reason: `cannot be read: ${error.message}` };
    return { ok: false, file: packageName, reason: `not a readable ZIP: ${message(error)}` };
  }
  const manifestEntry = entries.find((e) => e.path === MANIFEST_PATH);
  if (!manifestEntry || manifestEntry.text === undefined) {
    return { ok: false, file: MANIFEST_PATH, reason: "missing from the package" };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(manifestEntry.text);
  } catch {
    return { ok: false, file: MANIFEST_PATH, reason: "is not valid JSON" };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      file: MANIFEST_PATH,
      reason: `is not a valid manifest (${issue.path.join(".")}: ${issue.message})`,
    };
  }
  const manifest = parsed.data;
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.path === MANIFEST_PATH) continue;
    if (seen.has(entry.path)) return { ok: false, file: entry.path, reason: "appears twice in the ZIP" };
    seen.add(entry.path);
    const expected = listed.get(entry.path);
    if (!expected) return { ok: false, file: entry.path, reason: "is in the ZIP but not in the manifest" };
    if (expected.size !== entry.size) {
      return { ok: false, file: entry.path, reason: `size ${entry.size} bytes, the manifest says ${expected.size}` };
    }
    if (expected.sha256 !== entry.sha256) {
      return { ok: false, file: entry.path, reason: "SHA-256 differs from the manifest (the file was changed)" };
    }
  }
  for (const file of manifest.files) {
    if (!seen.has(file.path))
      return { ok: false, file: file.path, reason: "is in the manifest but missing from the ZIP" };
  }
  return { ok: true, files: manifest.files.length, reference: manifest.reference };
}

/** One entry's bytes could not be read (bad compressed data, wrong size): names the entry. */
class EntryReadError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(detail);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every entry's path, plain size and SHA-256, in ZIP order; manifest.json's text too. */
function readEntries(zipPath: string): Promise<SeenEntry[]> {
  return new Promise((resolve, reject) => {
    // strictFileNames: a name with "\\" is an error, not silently rewritten; yauzl always rejects "../" and "/x".
    yauzl.open(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("cannot open"));
      const entries: SeenEntry[] = [];
      const fail = (reason: Error) => {
        zip.close();
        reject(reason);
      };
      zip.on("error", fail);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(streamError ?? new Error(`cannot read ${entry.fileName}`));
          digest(stream, entry.fileName === MANIFEST_PATH).then(
            (seen) => {
              entries.push({ path: entry.fileName, ...seen });
              zip.readEntry();
            },
            (readError: unknown) => fail(new EntryReadError(entry.fileName, message(readError))),
          );
        });
      });
      zip.readEntry();
    });
  });
}

async function digest(stream: Readable, keepText: boolean): Promise<Omit<SeenEntry, "path">> {
  const hash = createHash("sha256");
  let size = 0;
  const kept: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (keepText) {
      if (size > MANIFEST_MAX_BYTES) throw new Error(`larger than ${MANIFEST_MAX_BYTES} bytes`);
      kept.push(chunk);
    }
  }
  return { size, sha256: hash.digest("hex"), ...(keepText ? { text: Buffer.concat(kept).toString("utf8") } : {}) };
}
