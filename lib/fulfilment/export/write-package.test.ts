// The access package writer (Art. 15(3), Art. 20(1) GDPR): round trip through the verifier, CSV injection
// guard, umlauts, file mode, progress, names that would climb out of data/, and bounded memory.
import { randomBytes } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../config/env";
import { readPackage, readZip, tempDir, writeZip } from "./test-helpers";
import { verifyPackage } from "./verify-package";
import { ExportInputError, writeAccessPackage, type ExportSource, type ExportProgress } from "./write-package";

const createdAt = new Date("2026-12-01T05:30:00.000Z");

async function* rowsOf<T extends Record<string, unknown>>(rows: T[]): AsyncIterable<T> {
  for (const row of rows) yield row;
}

function sources(): ExportSource[] {
  return [
    {
      system: "crm",
      recordType: "contacts",
      total: 3,
      rows: rowsOf([
        { id: 1, name: "Jürgen Größe", note: '=HYPERLINK("http://evil")', active: true },
        { id: 2, name: "Zoë Çelik", note: "+49 30 123", active: false },
        { id: 3, name: "Ana", note: "line one\nline two", active: null },
      ]),
    },
    { system: "shop", recordType: "orders", columns: ["id", "total"], total: 0, rows: rowsOf([]) },
  ];
}

async function write(outputDir: string, extra: Partial<Parameters<typeof writeAccessPackage>[0]> = {}) {
  return writeAccessPackage({
    reference: "DSR-2026-0042",
    language: "de",
    createdAt,
    outputDir,
    sources: sources(),
    report: (counts) =>
      `<!doctype html><html lang="de"><p>Datensätze: ${counts.map((c) => c.records).join(", ")}</p></html>`,
    ...extra,
  });
}

describe("writeAccessPackage", () => {
  it("round trip: data files, report and manifest, and the verifier accepts it", async () => {
    const dir = await tempDir();
    const result = await write(dir);
    expect(path.basename(result.path)).toBe("access-DSR-2026-0042-20261201T053000Z.zip");
    const entries = await readZip(result.path);
    expect([...entries.keys()]).toEqual([
      "data/crm/contacts.json",
      "data/crm/contacts.csv",
      "data/shop/orders.json",
      "data/shop/orders.csv",
      "report.html",
      "manifest.json",
    ]);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8"));
    expect(manifest).toMatchObject({
      format: "dsr-access-package",
      version: 1,
      reference: "DSR-2026-0042",
      language: "de",
      createdAt: "2026-12-01T05:30:00.000Z",
      records: [
        { system: "crm", recordType: "contacts", records: 3 },
        { system: "shop", recordType: "orders", records: 0 },
      ],
    });
    expect(manifest.files).toEqual(result.files);
    expect(entries.get("report.html")!.toString("utf8")).toContain("Datensätze: 3, 0");
    expect(JSON.parse(entries.get("data/shop/orders.json")!.toString("utf8"))).toEqual([]);
    expect(entries.get("data/shop/orders.csv")!.toString("utf8")).toBe("\uFEFFid,total\r\n");
    expect(await verifyPackage(result.path)).toEqual({ ok: true, files: 5, reference: "DSR-2026-0042" });
    const onDisk = await readFile(result.path);
    expect(result.bytes).toBe(onDisk.length);
    // Nothing but the package is left in the directory (no temporary file, no CSV spool).
    expect(await readdir(dir)).toEqual([path.basename(result.path)]);
  });

  it("JSON keeps values as they are; CSV neutralises formula cells; umlauts survive both", async () => {
    const result = await write(await tempDir());
    const entries = await readZip(result.path);
    const json = JSON.parse(entries.get("data/crm/contacts.json")!.toString("utf8"));
    expect(json[0]).toEqual({ id: 1, name: "Jürgen Größe", note: '=HYPERLINK("http://evil")', active: true });
    expect(json[1].note).toBe("+49 30 123");
    const csv = entries.get("data/crm/contacts.csv")!.toString("utf8");
    expect(csv.startsWith("\uFEFFid,name,note,active\r\n")).toBe(true);
    expect(csv).toContain(`1,Jürgen Größe,"'=HYPERLINK(""http://evil"")",true\r\n`);
    expect(csv).toContain("2,Zoë Çelik,'+49 30 123,false\r\n");
    expect(csv).toContain('3,Ana,"line one\nline two",\r\n');
  });

  it("the file has mode 0600", async () => {
    const result = await write(await tempDir());
    expect((await stat(result.path)).mode & 0o777).toBe(0o600);
  });

  it("progress counts records and reaches the total", async () => {
    const seen: ExportProgress[] = [];
    const rows = Array.from({ length: 25 }, (_, i) => ({ n: i }));
    await writeAccessPackage({
      reference: "R1",
      language: "en",
      createdAt,
      outputDir: await tempDir(),
      sources: [
        { system: "a", recordType: "x", total: 25, rows: rowsOf(rows) },
        { system: "b", recordType: "y", total: 5, rows: rowsOf(rows.slice(0, 5)) },
      ],
      report: "<p>report</p>",
      batchSize: 10,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.at(-1)).toEqual({ done: 30, total: 30 });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.some((p) => p.done === 10 && p.total === 30)).toBe(true);
  });

  it.each([
    ["system", "../etc"],
    ["system", "a/b"],
    ["system", ".hidden"],
    ["system", ""],
    ["recordType", ".."],
    ["recordType", "x y"],
    ["recordType", "ä"],
  ])("rejects the %s %j (never a path outside data/)", async (field, value) => {
    const dir = await tempDir();
    const source = { system: "ok", recordType: "ok", rows: rowsOf([]), [field]: value };
    await expect(
      writeAccessPackage({ reference: "R1", language: "en", createdAt, outputDir: dir, sources: [source], report: "" }),
    ).rejects.toThrow(/is not a safe name/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("rejects an unsafe reference, a duplicate source and a row outside the CSV columns, leaving nothing", async () => {
    const dir = await tempDir();
    const base = { language: "en" as const, createdAt, outputDir: dir, report: "" };
    await expect(writeAccessPackage({ ...base, reference: "../x", sources: [] })).rejects.toThrow(ExportInputError);
    await expect(
      writeAccessPackage({
        ...base,
        reference: "R1",
        sources: [
          { system: "a", recordType: "b", rows: rowsOf([]) },
          { system: "a", recordType: "b", rows: rowsOf([]) },
        ],
      }),
    ).rejects.toThrow("source a/b is listed twice");
    await expect(
      writeAccessPackage({
        ...base,
        reference: "R1",
        sources: [{ system: "a", recordType: "b", rows: rowsOf([{ x: 1 }, { x: 2, y: 3 }]) }],
      }),
    ).rejects.toThrow('data/a/b: record 2 has the field "y", which is not among the CSV columns');
    expect(await readdir(dir)).toEqual([]);
  });

  it("a failing source fails the package, naming the source, and leaves no file behind", async () => {
    const dir = await tempDir();
    async function* broken() {
      yield { a: 1 };
      throw new Error("database went away");
    }
    await expect(
      writeAccessPackage({
        reference: "R1",
        language: "en",
        createdAt,
        outputDir: dir,
        sources: [{ system: "a", recordType: "b", rows: broken() }],
        report: "",
      }),
    ).rejects.toThrow("data/a/b: database went away");
    expect(await readdir(dir)).toEqual([]);
  });

  it("a failing report fails the package and leaves no file behind", async () => {
    const dir = await tempDir();
    await expect(
      write(dir, {
        report: () => {
          throw new Error("report template missing");
        },
      }),
    ).rejects.toThrow("report template missing");
    expect(await readdir(dir)).toEqual([]);
  });

  it("never overwrites an existing package of the same name", async () => {
    const dir = await tempDir();
    const first = await write(dir);
    await expect(write(dir)).rejects.toThrow(/EEXIST/);
    expect(await readdir(dir)).toEqual([path.basename(first.path)]);
    expect(await verifyPackage(first.path)).toMatchObject({ ok: true });
  });

  it("streams 200,000 rows without holding them: the writer's buffers stay small", async () => {
    let pulled = 0;
    async function* many() {
      for (let i = 0; i < 200_000; i += 1) {
        pulled += 1;
        yield { id: i, event: "page_view", at: "2026-11-30T12:00:00Z", detail: `Seite ${i} über Größen` };
      }
    }
    const result = await writeAccessPackage({
      reference: "R-BIG",
      language: "de",
      createdAt,
      outputDir: await tempDir(),
      sources: [{ system: "web", recordType: "usage-events", total: 200_000, rows: many() }],
      report: "",
    });
    expect(pulled).toBe(200_000);
    const json = result.files.find((f) => f.path === "data/web/usage-events.json")!;
    expect(json.size).toBeGreaterThan(15_000_000);
    // Every batch waits for the ZIP to take it: what the writer holds is a batch or two, not the source.
    expect(result.peakBufferedBytes).toBeLessThan(1_000_000);
    expect(result.peakBufferedBytes).toBeLessThan(json.size / 10);
    expect(await verifyPackage(result.path)).toEqual({ ok: true, files: 3, reference: "R-BIG" });
  });
});

describe("encryption at rest (Art. 32(1)(a))", () => {
  const key = randomBytes(32);

  it("round trip: the file on disk is no ZIP and holds no plain text; the key opens it", async () => {
    const result = await write(await tempDir(), { encryptionKey: key });
    expect(result.path.endsWith(".zip.enc")).toBe(true);
    const onDisk = await readFile(result.path);
    expect(onDisk.subarray(0, 4).toString("ascii")).toBe("DSRX");
    expect(onDisk.includes(Buffer.from("manifest.json"))).toBe(false);
    expect(onDisk.includes(Buffer.from("PK\u0003\u0004"))).toBe(false);
    const entries = await readPackage(result.path, key);
    expect(JSON.parse(entries.get("data/crm/contacts.json")!.toString("utf8"))[0].name).toBe("Jürgen Größe");
    expect(await verifyPackage(result.path, key)).toEqual({ ok: true, files: 5, reference: "DSR-2026-0042" });
    expect((await stat(result.path)).mode & 0o777).toBe(0o600);
  });

  it("a wrong key and a missing key are refused", async () => {
    const result = await write(await tempDir(), { encryptionKey: key });
    await expect(verifyPackage(result.path, randomBytes(32))).rejects.toThrow("encrypted with a different key");
    await expect(verifyPackage(result.path)).rejects.toThrow("no key was given");
  });

  it("a changed byte in the ciphertext, the tag or the header fails loudly", async () => {
    const dir = await tempDir();
    const result = await write(dir, { encryptionKey: key });
    const original = await readFile(result.path);
    for (const offset of [40, original.length - 1, 20]) {
      const tampered = Buffer.from(original);
      tampered[offset] = tampered[offset]! ^ 0x01;
      const file = path.join(dir, `tampered-${offset}.zip.enc`);
      await writeFile(file, tampered);
      const verdict = await verifyPackage(file, key);
      expect(verdict).toMatchObject({ ok: false, file: `tampered-${offset}.zip.enc` });
      expect(verdict.ok === false && verdict.reason).toMatch(/integrity check/);
      await expect(readPackage(file, key)).rejects.toThrow(/integrity check/);
    }
  });

  it("EXPORT_ENCRYPTION_KEY must be the base64 of 32 bytes; the error never shows the value", () => {
    const good = randomBytes(32).toString("base64");
    expect(parseEnv({ EXPORT_ENCRYPTION_KEY: good }).EXPORT_ENCRYPTION_KEY).toEqual(Buffer.from(good, "base64"));
    expect(parseEnv({}).EXPORT_ENCRYPTION_KEY).toBeUndefined();
    for (const bad of [randomBytes(16).toString("base64"), "not base64 at all!"]) {
      expect(() => parseEnv({ EXPORT_ENCRYPTION_KEY: bad })).toThrow(
        "Invalid configuration: EXPORT_ENCRYPTION_KEY must be the base64 of exactly 32 random bytes",
      );
      try {
        parseEnv({ EXPORT_ENCRYPTION_KEY: bad });
      } catch (error) {
        expect((error as Error).message).not.toContain(bad);
      }
    }
  });
});

describe("verifyPackage", () => {
  async function rewritten(change: (entries: Map<string, Buffer>) => void) {
    const dir = await tempDir();
    const result = await write(dir);
    const entries = await readZip(result.path);
    change(entries);
    const file = path.join(dir, "changed.zip");
    await writeZip(file, entries);
    return verifyPackage(file);
  }

  it("names a file whose content was changed", async () => {
    const verdict = await rewritten((entries) => {
      const csv = entries.get("data/crm/contacts.csv")!.toString("utf8").replace("Ana", "Bob");
      entries.set("data/crm/contacts.csv", Buffer.from(csv, "utf8"));
    });
    expect(verdict).toEqual({
      ok: false,
      file: "data/crm/contacts.csv",
      reason: "SHA-256 differs from the manifest (the file was changed)",
    });
  });

  it("names a file whose size differs", async () => {
    const verdict = await rewritten((entries) => entries.set("report.html", Buffer.from("<p>other</p>")));
    expect(verdict).toMatchObject({ ok: false, file: "report.html", reason: expect.stringMatching(/^size 12 bytes/) });
  });

  it("names a file missing from the ZIP and a file the manifest does not list", async () => {
    expect(await rewritten((entries) => entries.delete("data/shop/orders.json"))).toEqual({
      ok: false,
      file: "data/shop/orders.json",
      reason: "is in the manifest but missing from the ZIP",
    });
    expect(await rewritten((entries) => entries.set("data/extra.txt", Buffer.from("x")))).toEqual({
      ok: false,
      file: "data/extra.txt",
      reason: "is in the ZIP but not in the manifest",
    });
    expect(await rewritten((entries) => entries.delete("manifest.json"))).toEqual({
      ok: false,
      file: "manifest.json",
      reason: "missing from the package",
    });
  });

  it("a file that is no ZIP is named as such", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "junk.zip");
    await writeFile(file, "not a zip");
    expect(await verifyPackage(file)).toMatchObject({
      ok: false,
      file: "junk.zip",
      reason: expect.stringMatching(/not a readable ZIP/),
    });
  });
});
