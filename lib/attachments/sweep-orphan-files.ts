// The safety net behind store-attachments.ts and discard-attachments.ts: a process that dies
// between writing a file and committing its row (or between committing a deletion and
// deleting the file) leaves a file no row names. Files older than an hour without a row go.
// The hour keeps the sweep away from uploads whose transaction is still running.
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { deleteAttachmentFiles, isStorageKey, TEMP_PREFIX } from "./attachment-files";

export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;
const BATCH = 500;

export async function sweepOrphanFiles(
  db: Db,
  dir: string,
  now: Date,
  minAgeMs = ORPHAN_MIN_AGE_MS,
): Promise<{ deleted: number; kept: number }> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { deleted: 0, kept: 0 };
    throw error;
  }
  const cutoff = now.getTime() - minAgeMs;
  const old: string[] = [];
  let deleted = 0;
  for (const name of names) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (!stat?.isFile() || stat.mtimeMs > cutoff) continue;
    if (name.startsWith(TEMP_PREFIX)) {
      await fs.rm(path.join(dir, name), { force: true });
      deleted++;
    } else if (isStorageKey(name)) old.push(name);
  }
  let kept = 0;
  for (let i = 0; i < old.length; i += BATCH) {
    const batch = old.slice(i, i + BATCH);
    const rows = await db.attachment.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const named = new Set(rows.map((row) => row.storageKey));
    kept += named.size;
    deleted += await deleteAttachmentFiles(
      dir,
      batch.filter((key) => !named.has(key)),
    );
  }
  return { deleted, kept };
}
