// Helpers for the export tests: read a package's entries back, and rewrite a package's ZIP with one file
// changed, dropped or added (a tampered package as an attacker or a broken disk would leave it).
import { createWriteStream } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { ZipFile } from "yazl";
import { openPackage } from "./encryption";

export async function tempDir(prefix = "export-test-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** All entries of a plain ZIP file, in order, as path → bytes. */
export function readZip(zipPath: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("cannot open"));
      const entries = new Map<string, Buffer>();
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, async (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
      zip.readEntry();
    });
  });
}

/** The entries of a package, decrypting it with `key` into a temporary file first when given. */
export async function readPackage(packagePath: string, key?: Buffer): Promise<Map<string, Buffer>> {
  const plain = path.join(await tempDir(), "plain.zip");
  await pipeline(await openPackage(packagePath, key), createWriteStream(plain));
  return readZip(plain);
}

/** Writes `entries` as a new plain ZIP at `zipPath`. */
export async function writeZip(zipPath: string, entries: Map<string, Buffer>): Promise<void> {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}
