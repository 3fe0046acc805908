// Files at rest: made private whatever the umask, and an older installation's readable files tightened.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensurePrivateDir, ensurePrivateSqliteFile, ensurePrivateTree } from "./private-files";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-private-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const mode = (p: string) => fs.lstatSync(p).mode & 0o777;

describe("private files", () => {
  // The most permissive umask: whatever is not set explicitly would come out 0777 / 0666.
  let umask = 0;
  beforeEach(() => {
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it("creates a private folder, with its missing parents, 0700", () => {
    const dir = path.join(work, "a", "b", "data");
    ensurePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(work, "a"))).toBe(0o700);
  });

  it("creates the SQLite database 0600, and SQLite gives its -wal and -shm files the same mode", () => {
    const file = path.join(work, "db", "portal.db");
    ensurePrivateSqliteFile(file);
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    const sqlite = new Database(file);
    try {
      sqlite.pragma("journal_mode = WAL");
      sqlite.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('personal')");
      expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    } finally {
      sqlite.close();
    }
  });

  it("tightens an existing database and its -wal and -shm files", () => {
    const file = path.join(work, "old", "portal.db");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) fs.writeFileSync(`${file}${suffix}`, "", { mode: 0o644 });
    ensurePrivateSqliteFile(file);
    for (const suffix of ["", "-wal", "-shm"]) expect(mode(`${file}${suffix}`)).toBe(0o600);
  });

  it("tightens every folder and file of a tree, and leaves symbolic links and private entries alone", () => {
    const dir = path.join(work, "tree");
    fs.mkdirSync(path.join(dir, "attachments", "deep"), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dir, "portal.db"), "", { mode: 0o644 });
    fs.writeFileSync(path.join(dir, "attachments", "deep", "scan"), "", { mode: 0o666 });
    fs.writeFileSync(path.join(dir, "secrets.json"), "", { mode: 0o400 });
    const outside = path.join(work, "outside.txt");
    fs.writeFileSync(outside, "", { mode: 0o644 });
    fs.symlinkSync(outside, path.join(dir, "link"));
    ensurePrivateTree(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "attachments"))).toBe(0o700);
    expect(mode(path.join(dir, "attachments", "deep"))).toBe(0o700);
    expect(mode(path.join(dir, "portal.db"))).toBe(0o600);
    expect(mode(path.join(dir, "attachments", "deep", "scan"))).toBe(0o600);
    expect(mode(path.join(dir, "secrets.json"))).toBe(0o400);
    expect(mode(outside)).toBe(0o644);
  });
});
