// Storage limitation (Art. 5(1)(e)) for the portal's own records: a request closed
// longer ago than the retention period keeps only what proves how it was handled
// (Art. 5(2)): its type, status, dates, deadlines and the audit chain's events.
// Everything that says who the person was or what they wrote goes, attachments too: their
// rows in the transaction, their files after it committed. Sooner, every audit entry loses
// the IP address and user agent of who acted (lib/audit/client-data-retention.ts).
import { deleteAttachmentFiles } from "../../attachments/attachment-files";
import { discardAttachmentRows } from "../../attachments/discard-attachments";
import { appendAuditEntry } from "../../audit/append-audit-entry";
import { clientDataCutoff, eraseClientData } from "../../audit/client-data-retention";
import { minimisedAddress } from "../../requests/minimised-address";
import { minimiseRequestMails } from "../../requests/minimise-mails";
import type { Job } from "../job";

class ChangedMeanwhile extends Error {}

export const applyRetention: Job = {
  name: "apply-retention",
  everyMs: 6 * 60 * 60 * 1000,
  async run({ db, clock, retentionYears, auditClientRetentionDays, settings }) {
    const now = clock();
    const clientDataErased = await eraseClientData(db, clientDataCutoff(now, auditClientRetentionDays));
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears);
    const due = await db.request.findMany({
      where: { closedAt: { lte: cutoff }, minimisedAt: null },
      select: { id: true, subjectEmail: true, auditHeadSeq: true, auditHeadHash: true, version: true },
      take: 200,
    });
    let minimised = 0;
    let files = 0;
    for (const request of due) {
      const done = await db
        .$transaction(async (tx) => {
          const entry = await appendAuditEntry(tx, {
            chain: request.id,
            requestId: request.id,
            head: { seq: request.auditHeadSeq, hash: request.auditHeadHash },
            actor: { type: "system" },
            event: "minimised",
            fromStatus: null,
            toStatus: null,
            details: { retentionYears },
            public: false,
            createdAt: now,
          });
          // The optimistic lock: if the request changed meanwhile, leave it for the next run.
          const updated = await tx.request.updateMany({
            where: { id: request.id, version: request.version },
            data: {
              subjectEmail: minimisedAddress(request.subjectEmail),
              subjectName: null,
              subjectUserId: null,
              details: {},
              minimisedAt: now,
              version: { increment: 1 },
              auditHeadSeq: entry.seq,
              auditHeadHash: entry.hash,
            },
          });
          if (updated.count !== 1) throw new ChangedMeanwhile();
          await tx.requestMessage.updateMany({ where: { requestId: request.id }, data: { body: "" } });
          await tx.internalNote.deleteMany({ where: { requestId: request.id } });
          const storageKeys = await discardAttachmentRows(tx, request.id);
          // Keep that a notice was sent and when; drop the address and what it said.
          await tx.fulfilmentTask.updateMany({ where: { requestId: request.id }, data: { note: null } });
          await minimiseRequestMails(tx, request.id, request.subjectEmail);
          // The chain commits to these only through digests, so erasing them keeps it verifiable.
          await tx.auditText.updateMany({ where: { requestId: request.id }, data: { text: null } });
          await tx.auditEntry.updateMany({ where: { requestId: request.id }, data: { ip: null, userAgent: null } });
          return storageKeys;
        })
        .catch((error: unknown) => {
          if (error instanceof ChangedMeanwhile) return null;
          throw error;
        });
      if (!done) continue;
      minimised++;
      files += await deleteAttachmentFiles(settings.attachmentsDir, done);
    }
    return { minimised, pending: due.length - minimised, files, clientDataErased };
  },
};
