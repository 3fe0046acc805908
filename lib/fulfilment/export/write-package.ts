// The data subject's access package (Art. 15(3) GDPR: a copy of the personal data undergoing processing;
// Art. 20(1): in a structured, commonly used and machine-readable format): one ZIP holding
// data/<system>/<record-type>.json and .csv per source, report.html in the subject's language and
// manifest.json with every file's SHA-256. Written by the export job, never in a web request: each source's
// rows are read once, in batches, and streamed into the ZIP, so memory stays bounded however many rows a
// subject has. Pure (node:fs, node:crypto, yazl, csv-stringify; no Next, no Prisma).
//
// A ZIP's entries follow one another, so the two files of one source cannot both be written as the rows
// pass: the JSON goes straight into the ZIP while the CSV is spooled to a temporary file beside the
// package, encrypted with a key that lives only in memory (no plain personal data on disk, Art. 32), and
// added as the next entry once the source is done.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, link, mkdir, open, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Transform, type Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { csvHeader, csvRecords } from "./csv-text";
import { decryptStream, encryptStream } from "./encryption";
import { MANIFEST_PATH, REPORT_PATH, type Manifest, type ManifestFile } from "./manifest";

/** One kind of record from one system, e.g. `{ system: "shop", recordType: "orders" }`. */
export interface ExportSource {
  /** Safe path segment (letters, digits, "_" and "-", 1–64 characters, starting with a letter or digit). */
  system: string;
  /** Safe path segment, as `system`. */
  recordType: string;
  /** CSV columns in order. Unset: the keys of the first row. A later row with another key fails the package. */
  columns?: readonly string[];
  /** Expected number of rows, for progress only. */
  total?: number;
  /** The rows; iterated exactly once. Values: strings, numbers, booleans, null, Dates, plain objects/arrays. */
  rows: AsyncIterable<Record<string, unknown>>;
}

/** Records written per source, as the report and the manifest name them. */
export interface SourceCount {
  system: string;
  recordType: string;
  records: number;
}

export interface ExportProgress {
  /** Records written so far, over all sources. */
  done: number;
  /** Sum of the sources' `total`s; null while a source has none. At the end: equal to `done`. */
  total: number | null;
}

export interface WriteAccessPackageOptions {
  /** The request's reference (safe path segment; it names the file). */
  reference: string;
  /** The subject's language (Art. 12(1): intelligible form); recorded in the manifest. */
  language: "de" | "en";
  /** The package's creation time: manifest, file name and the ZIP entries' timestamps. */
  createdAt: Date;
  /** Directory to write into (the job passes $DATA_DIR/exports); created with mode 0700 when missing. */
  outputDir: string;
  sources: readonly ExportSource[];
  /** report.html: the HTML, or a function of the per-source counts returning it. */
  report: string | ((counts: readonly SourceCount[]) => string | Promise<string>);
  onProgress?: (progress: ExportProgress) => void;
  /** 32 bytes: the file on disk is encrypted with AES-256-GCM (./encryption.ts). Unset: a plain ZIP. */
  encryptionKey?: Buffer;
  /** Rows per batch (default 1000): the most rows the writer holds at once. */
  batchSize?: number;
}

export interface AccessPackageResult {
  /** Absolute path of the finished file (mode 0600). */
  path: string;
  /** SHA-256 (hex) of the file as stored on disk (the ciphertext when encrypted). */
  sha256: string;
  /** Size of the file on disk in bytes. */
  bytes: number;
  /** The manifest's file list (paths, plain sizes in bytes, SHA-256 hex). */
  files: ManifestFile[];
  counts: SourceCount[];
  /** The most bytes the writer's own streams held in memory at once: evidence that rows are not kept. */
  peakBufferedBytes: number;
}

/** A source or option the package cannot be written with; the message names it. */
export class ExportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportInputError";
  }
}

// A path segment that can never climb out of data/ nor hide: no dots, no slashes, no spaces.
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function assertSegment(what: string, value: string): void {
  if (!SAFE_SEGMENT.test(value)) {
    throw new ExportInputError(
      `${what} ${JSON.stringify(value)} is not a safe name: use 1–64 letters, digits, "_" or "-", starting with a letter or digit`,
    );
  }
}

function validate(options: WriteAccessPackageOptions): void {
  assertSegment("reference", options.reference);
  if (Number.isNaN(options.createdAt.getTime())) throw new ExportInputError("createdAt is not a valid date");
  if (options.encryptionKey && options.encryptionKey.length !== 32) {
    throw new ExportInputError(`the encryption key must have 32 bytes, it has ${options.encryptionKey.length}`);
  }
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new ExportInputError("batchSize must be a whole number ≥ 1");
  const seen = new Set<string>();
  for (const source of options.sources) {
    assertSegment("system", source.system);
    assertSegment("record type", source.recordType);
    const key = `${source.system}/${source.recordType}`;
    if (seen.has(key)) throw new ExportInputError(`source ${key} is listed twice`);
    seen.add(key);
  }
}

/** Bytes of one ZIP entry as written: hashed and counted on the way, written with backpressure. */
class EntryWriter {
  private readonly hash = createHash("sha256");
  size = 0;
  constructor(
    private readonly out: Writable,
    private readonly onBuffered: (bytes: number) => void,
  ) {}

  async write(text: string): Promise<void> {
    if (text === "") return;
    const bytes = Buffer.from(text, "utf8");
    this.hash.update(bytes);
    this.size += bytes.length;
    const more = this.out.write(bytes);
    this.onBuffered(this.out.writableLength);
    if (!more) await waitForDrain(this.out);
  }

  async end(): Promise<{ size: number; sha256: string }> {
    this.out.end();
    return { size: this.size, sha256: this.hash.digest("hex") };
  }
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off("drain", onDrain);
      out.off("error", done);
      out.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("the output closed before the package was complete"));
    out.once("drain", onDrain);
    out.once("error", done);
    out.once("close", onClose);
  });
}

/** Counts and hashes the bytes that reach the disk. */
function measuring(): { stream: Transform; result: () => { bytes: number; sha256: string } } {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest("hex") }) };
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/**
 * Writes the access package of one request into `options.outputDir` and returns where it is and its
 * digest. Every source is read once, `batchSize` rows at a time, into `data/<system>/<recordType>.json`
 * (a JSON array) and `.csv` (formula cells neutralised); then report.html and manifest.json (format
 * version 1: every file's path, size in bytes and SHA-256; creation time; reference; language; counts).
 * The file is written under a temporary name and linked to `access-<reference>-<YYYYMMDDTHHMMSSZ>.zip`
 * (`.zip.enc` when encrypted) only when complete, mode 0600.
 *
 * Errors: ExportInputError for an unsafe name, a duplicate source, a bad key or a row with a key outside
 * `columns`; a failing `rows` iterator, a report function or the disk reject with their own error. On any
 * error no package and no temporary file is left behind. A package of that name existing already: EEXIST.
 */
export async function writeAccessPackage(options: WriteAccessPackageOptions): Promise<AccessPackageResult> {
  validate(options);
  const batchSize = options.batchSize ?? 1000;
  const outputDir = path.resolve(options.outputDir);
  await mkdir(outputDir, { recursive: true, mode: 0o700 });
  const name = `access-${options.reference}-${stamp(options.createdAt)}.zip${options.encryptionKey ? ".enc" : ""}`;
  const finalPath = path.join(outputDir, name);
  const tempBase = path.join(outputDir, `.${name}.${randomBytes(6).toString("hex")}`);
  const tempPath = `${tempBase}.part`;
  const spoolKey = randomBytes(32);
  const spools: string[] = [];

  let peakBufferedBytes = 0;
  const noteBuffered = (bytes: number) => {
    if (bytes > peakBufferedBytes) peakBufferedBytes = bytes;
  };

  const zip = new ZipFile();
  const entryOptions = { mtime: options.createdAt };
  const measure = measuring();
  const file = createWriteStream(tempPath, { flags: "wx", mode: 0o600 });
  const stages: NodeJS.ReadWriteStream[] = options.encryptionKey ? [encryptStream(options.encryptionKey)] : [];
  const written = pipeline([zip.outputStream, ...stages, measure.stream, file]);
  // A writer waiting for "drain" on an entry would wait forever once the output is gone (disk full, a spool
  // that fails its check): a failure of the output closes the open entries, which ends that wait
  // (waitForDrain rejects on "close"), and the output's own error is what the caller gets.
  const active = new Set<Writable>();
  let outputFailure: unknown;
  const failOutput = (error: unknown) => {
    outputFailure ??= error;
    for (const stream of active) stream.destroy();
  };
  written.catch(failOutput);
  const zipError = new Promise<never>((_, reject) =>
    zip.on("error", (error: unknown) => {
      failOutput(error);
      reject(error);
    }),
  );
  zipError.catch(() => undefined);

  try {
    const files: ManifestFile[] = [];
    const counts: SourceCount[] = [];
    const knownTotals = options.sources.every((s) => s.total !== undefined);
    const total = knownTotals ? options.sources.reduce((sum, s) => sum + (s.total ?? 0), 0) : null;
    let done = 0;

    for (const source of options.sources) {
      const base = `data/${source.system}/${source.recordType}`;
      const json = new PassThrough({ highWaterMark: 64 * 1024 });
      zip.addReadStream(json, `${base}.json`, entryOptions);
      const jsonWriter = new EntryWriter(json, noteBuffered);
      active.add(json);

      const spoolPath = `${tempBase}.${spools.length}.spool`;
      spools.push(spoolPath);
      const spoolFile = createWriteStream(spoolPath, { flags: "wx", mode: 0o600 });
      const spoolIn = encryptStream(spoolKey);
      const spoolWritten = pipeline(spoolIn, spoolFile);
      spoolWritten.catch(() => undefined);
      const csvWriter = new EntryWriter(spoolIn, noteBuffered);
      active.add(spoolIn);

      let columns = source.columns ? [...source.columns] : undefined;
      let allowed = columns ? new Set(columns) : undefined;
      let records = 0;
      let jsonText = "[";
      let csvText = columns ? csvHeader(columns) : "";
      let csvBatch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (csvBatch.length) csvText += csvRecords(csvBatch, columns!);
        await jsonWriter.write(jsonText);
        await csvWriter.write(csvText);
        jsonText = "";
        csvText = "";
        csvBatch = [];
        options.onProgress?.({ done, total });
      };

      try {
        for await (const row of source.rows) {
          if (!columns) {
            columns = Object.keys(row);
            allowed = new Set(columns);
            csvText = csvHeader(columns);
          }
          for (const key in row) {
            if (!allowed!.has(key)) {
              throw new ExportInputError(
                `${base}: record ${records + 1} has the field ${JSON.stringify(key)}, which is not among the CSV columns`,
              );
            }
          }
          jsonText += `${records === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`;
          csvBatch.push(row);
          records += 1;
          done += 1;
          if (csvBatch.length >= batchSize) await flush();
        }
        jsonText += records === 0 ? "]\n" : "\n]\n";
        // A source without rows and without columns: the CSV is just the BOM (nothing to name).
        if (!columns) csvText = "\uFEFF";
        await flush();
      } catch (error) {
        if (error instanceof ExportInputError) throw error;
        throw new Error(`${base}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      files.push({ path: `${base}.json`, ...(await jsonWriter.end()) });
      const csvEntry = await csvWriter.end();
      await spoolWritten;
      active.delete(json);
      active.delete(spoolIn);
      zip.addReadStreamLazy(`${base}.csv`, entryOptions, (callback) => {
        const plain = decryptStream(spoolKey);
        const spool = createReadStream(spoolPath);
        spool.on("error", (error) => plain.destroy(error));
        plain.on("end", () => void unlink(spoolPath).catch(() => undefined));
        callback(null, spool.pipe(plain));
      });
      files.push({ path: `${base}.csv`, ...csvEntry });
      counts.push({ system: source.system, recordType: source.recordType, records });
    }

    const html = Buffer.from(
      typeof options.report === "string" ? options.report : await options.report(counts),
      "utf8",
    );
    zip.addBuffer(html, REPORT_PATH, entryOptions);
    files.push({ path: REPORT_PATH, size: html.length, sha256: createHash("sha256").update(html).digest("hex") });

    const manifest: Manifest = {
      format: "dsr-access-package",
      version: 1,
      reference: options.reference,
      language: options.language,
      createdAt: options.createdAt.toISOString(),
      files,
      records: counts,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"), MANIFEST_PATH, entryOptions);
    zip.end();
    await Promise.race([written, zipError]);
    await fsyncFile(tempPath);
    await chmod(tempPath, 0o600);
    // link() refuses to replace an existing file (EEXIST): a package is never overwritten.
    await link(tempPath, finalPath);
    await unlink(tempPath);
    options.onProgress?.({ done, total: done });
    return { path: finalPath, ...measure.result(), files, counts, peakBufferedBytes };
  } catch (error) {
    failOutput(error);
    zip.outputStream.unpipe();
    file.destroy();
    await finished(file).catch(() => undefined);
    await rm(tempPath, { force: true });
    throw outputFailure ?? error;
  } finally {
    await Promise.all(spools.map((spool) => rm(spool, { force: true })));
  }
}

async function fsyncFile(filePath: string): Promise<void> {
  const handle = await open(filePath, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
