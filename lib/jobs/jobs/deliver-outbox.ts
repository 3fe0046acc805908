import { deliverDueMails } from "../../mail/outbox/deliver-due-mails";
import { eraseExpiredLinkMails } from "../../mail/outbox/erase-link-mails";
import type { Job } from "../job";

/**
 * Sends what the outbox holds, batch after batch, until nothing is due. First it erases the mails
 * whose magic links have expired, so that a link mail still waiting is never sent after its link died.
 */
export const deliverOutbox: Job = {
  name: "deliver-outbox",
  everyMs: 5_000,
  async run(context) {
    const total = { sent: 0, retrying: 0, failed: 0, erased: await eraseExpiredLinkMails(context.db, context.clock()) };
    for (let round = 0; round < 20; round++) {
      const report = await deliverDueMails(context.db, context.delivery, {
        retry: context.retry,
        clock: context.clock,
      });
      total.sent += report.sent;
      total.retrying += report.retrying;
      total.failed += report.failed;
      if (report.sent + report.retrying + report.failed === 0) break;
    }
    return total;
  },
};
