// The bytes of attachments on disk: one file per attachment in the attachments directory
// (inside DATA_DIR, outside the web root), named by a random storage key, never by what
// the sender called it. Plain Node, so the jobs' worker can delete files too.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

const KEY = /^[A-Za-z0-9_-]{32}$/;
/** Written under this prefix, renamed to the key once complete: a crash never leaves a half file under a key. */
export const TEMP_PREFIX = ".tmp-";

export function newStorageKey(): string {
  return randomBytes(24).toString("base64url");
}

export function isStorageKey(name: string): boolean {
  return KEY.test(name);
}

/** The path of a stored file; refuses anything that is not a key we made, so a row can never point outside the directory. */
export function attachmentPath(dir: string, storageKey: string): string {
  if (!isStorageKey(storageKey)) throw new Error("not an attachment storage key");
  return path.join(dir, storageKey);
}

export async function writeAttachmentFile(dir: string, storageKey: string, bytes: Uint8Array): Promise<void> {
  const target = attachmentPath(dir, storageKey);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `${TEMP_PREFIX}${storageKey}`);
  try {
    const handle = await fs.open(temp, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export async function readAttachmentFile(dir: string, storageKey: string): Promise<Buffer> {
  return fs.readFile(attachmentPath(dir, storageKey));
}

/** Deletes the files of these keys; a file already gone is fine (deletion runs again after crashes). */
export async function deleteAttachmentFiles(dir: string, storageKeys: string[]): Promise<number> {
  let deleted = 0;
  for (const key of storageKeys) {
    try {
      await fs.unlink(attachmentPath(dir, key));
      deleted++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return deleted;
}
