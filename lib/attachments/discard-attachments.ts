// Minimisation (expiry, withdrawal before confirmation, retention) drops a request's
// attachments: the rows inside the minimising transaction, the files once it has committed.
// Deleting files first would lose them if the transaction then rolled back; deleting them
// after means a crash in between leaves only files without rows, which the sweep removes.
import type { Tx } from "../db/tx";

/** Deletes the request's Attachment rows; returns their storage keys for deleteAttachmentFiles after commit. */
export async function discardAttachmentRows(tx: Tx, requestId: string): Promise<string[]> {
  const rows = await tx.attachment.findMany({ where: { requestId }, select: { storageKey: true } });
  if (rows.length) await tx.attachment.deleteMany({ where: { requestId } });
  return rows.map((row) => row.storageKey);
}
