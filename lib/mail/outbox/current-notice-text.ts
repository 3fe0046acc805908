// Which text a notice is rendered from: the newest version the DPO saved for its request type, else
// the newest for all types, else none (the shipped default, lib/mail/templates/). Read inside the
// transaction that queues the mail, and recorded on its outbox row (OutboundMail.noticeTextId), so a
// later edit never changes a mail already queued and the case file can tell which words went out.
import type { Tx } from "../../db/tx";
import type { MailLanguage } from "../templates/common";

/** "all": the text of every request type that has none of its own. */
export const ALL_TYPES = "all";

export interface NoticeTextVersionRow {
  id: string;
  version: number;
  requestType: string;
  subject: string;
  body: string;
}

/** The current edited text for `action` (a template name) of a `requestType` request in `language`, or null. */
export async function currentNoticeText(
  tx: Pick<Tx, "noticeTextVersion">,
  action: string,
  requestType: string | undefined,
  language: MailLanguage,
): Promise<NoticeTextVersionRow | null> {
  const select = { id: true, version: true, requestType: true, subject: true, body: true } as const;
  for (const scope of requestType ? [requestType, ALL_TYPES] : [ALL_TYPES]) {
    const row = await tx.noticeTextVersion.findFirst({
      where: { action, requestType: scope, language },
      orderBy: { version: "desc" },
      select,
    });
    if (row) return row;
  }
  return null;
}
