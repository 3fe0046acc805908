// Personal data at rest are for the portal's own user only: the data folder and every folder in it
// 0700, every file 0600, the SQLite database with its -wal and -shm files too. Modes are set with
// chmod, not left to the umask (SQLite creates its files 0644 under the usual umask 022, and mkdir
// without a mode gives 0755), and tightened on every start, so an installation made before keeps none
// readable by other local users.
import fs from "node:fs";
import path from "node:path";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (with missing parents, 0700) if needed and sets it to 0700. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * `dir` made private: created if missing, then it and every folder below it set to 0700 and every file
 * to 0600 where group or others had any right. Symbolic links are neither followed nor changed.
 */
export function ensurePrivateTree(dir: string): void {
  ensurePrivateDir(dir);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isDirectory() && !entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if ((fs.lstatSync(full).mode & 0o077) === 0) continue;
    fs.chmodSync(full, entry.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
  }
}

/**
 * The SQLite database `file` before anything opens it: its folder created 0700 if missing, the file
 * created empty if missing (SQLite takes an empty file as an empty database), and it and its -wal,
 * -shm and -journal files, where they exist, set to 0600. SQLite gives the -wal and -shm files it
 * creates later the database file's mode.
 */
export function ensurePrivateSqliteFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.closeSync(fs.openSync(file, "a", PRIVATE_FILE_MODE));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    try {
      fs.chmodSync(`${file}${suffix}`, PRIVATE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}
