// Storing the attachments of one submission (a request form, or a message on the case page)
// so that a file and its row exist together or not at all.
//
//   const outcome = await withStagedAttachments(db(), appConfig().attachmentsDir, checked.files, (staged) =>
//     db().$transaction(async (tx) => {
//       const request = await tx.request.create(...);
//       await staged.record(tx, { requestId: request.id, messageId: null, uploadedBy: "subject" });
//       return request;
//     }),
//   );
//
// withStagedAttachments writes the files first (random keys, temp file + rename, mode 0600),
// then runs `work`, in which the caller creates the rows with staged.record(tx, owner) inside
// its own transaction. Afterwards, whether work returned, returned a failure or threw, it asks
// the database which of the files have a row and deletes the others. So a rolled-back
// transaction, a failure result after a rollback (transitionRequest returns {ok: false}), or
// record() never being called leave no file behind. A crash in between leaves a file without a
// row, which the sweep-attachments job deletes after an hour (sweep-orphan-files.ts).
import type { Db } from "../db/client";
import type { DirectTx } from "../db/direct/direct-transaction";
import type { Tx } from "../db/tx";
import { logger } from "../log/logger";
import { deleteAttachmentFiles, newStorageKey, writeAttachmentFile } from "./attachment-files";
import type { CheckedUpload } from "./check-uploads";
import { newId } from "../db/direct/new-id";

export interface AttachmentOwner {
  requestId: string;
  /** Set when the files came with a message of the thread. */
  messageId?: string | null;
  uploadedBy: "subject" | "agent" | "staff";
}

export interface RecordedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface StagedAttachments {
  /** How many files are staged (0 when the form carried none; record() is then a no-op). */
  count: number;
  /** Creates one Attachment row per staged file, in the caller's transaction. */
  record(tx: Tx, owner: AttachmentOwner): Promise<RecordedAttachment[]>;
  /** record() with direct statements (lib/db/direct/), in a filing's transaction: the same rows. */
  recordDirectly(tx: DirectTx, owner: AttachmentOwner, now: Date): Promise<RecordedAttachment[]>;
}

export async function withStagedAttachments<T>(
  db: Db,
  dir: string,
  files: CheckedUpload[],
  work: (staged: StagedAttachments) => Promise<T>,
): Promise<T> {
  const staged = files.map((file) => ({ file, storageKey: newStorageKey() }));
  const written: string[] = [];
  try {
    for (const { file, storageKey } of staged) {
      await writeAttachmentFile(dir, storageKey, file.bytes);
      written.push(storageKey);
    }
  } catch (error) {
    await deleteAttachmentFiles(dir, written);
    throw error;
  }

  const record = async (tx: Tx, owner: AttachmentOwner): Promise<RecordedAttachment[]> => {
    const rows: RecordedAttachment[] = [];
    for (const { file, storageKey } of staged) {
      rows.push(
        await tx.attachment.create({
          data: {
            requestId: owner.requestId,
            messageId: owner.messageId ?? null,
            fileName: file.fileName,
            contentType: file.contentType,
            size: file.size,
            sha256: file.sha256,
            storageKey,
            uploadedBy: owner.uploadedBy,
          },
          select: { id: true, fileName: true, contentType: true, size: true },
        }),
      );
    }
    return rows;
  };

  const recordDirectly = async (tx: DirectTx, owner: AttachmentOwner, now: Date): Promise<RecordedAttachment[]> => {
    const rows: RecordedAttachment[] = [];
    for (const { file, storageKey } of staged) {
      const id = newId();
      await tx.run(
        `INSERT INTO "Attachment" ("id", "requestId", "messageId", "fileName", "contentType", "size", "sha256",
           "storageKey", "uploadedBy", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          owner.requestId,
          owner.messageId ?? null,
          file.fileName,
          file.contentType,
          file.size,
          file.sha256,
          storageKey,
          owner.uploadedBy,
          now,
        ],
      );
      rows.push({ id, fileName: file.fileName, contentType: file.contentType, size: file.size });
    }
    return rows;
  };

  try {
    return await work({ count: staged.length, record, recordDirectly });
  } finally {
    if (written.length) await discardUnrecorded(db, dir, written);
  }
}

async function discardUnrecorded(db: Db, dir: string, storageKeys: string[]): Promise<void> {
  try {
    const kept = await db.attachment.findMany({
      where: { storageKey: { in: storageKeys } },
      select: { storageKey: true },
    });
    const recorded = new Set(kept.map((row) => row.storageKey));
    await deleteAttachmentFiles(
      dir,
      storageKeys.filter((key) => !recorded.has(key)),
    );
  } catch (error) {
    // Without an answer from the database a file might still belong to a row: the sweep decides later.
    logger.warn({ err: error, files: storageKeys.length }, "attachment files left for the orphan sweep");
  }
}
