// A mail that carries a magic link is a key to an account for as long as the link works. Once the
// mail has left (handed to the SMTP server, or failed for good) the outbox has no reason to keep
// that key: its body and variables are erased, and its address becomes a digest. In the demo, the
// built-in mailbox is the recipient's inbox, so there the mail stays readable until its link is
// used or expires. A link mail still waiting to be sent when its link expires is never sent.
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/sqlite/client";
import type { Tx } from "../../db/tx";
import { minimisedAddress } from "../../requests/minimised-address";

/** What an erased link mail keeps: that it existed, its template, status and times; the subject line (no secret). */
export function erasedLinkMail(toAddress: string): Prisma.OutboundMailUpdateManyMutationInput {
  return {
    toAddress: minimisedAddress(toAddress),
    variables: {},
    text: null,
    html: null,
    linkTokenHash: null,
    linkExpiresAt: null,
  };
}

/** The link was used (lib/auth/links/redeem-link.ts): erase every mail that carried it. */
export async function eraseMailsOfLink(tx: Tx, tokenHash: string, reason = "the link was used"): Promise<number> {
  return eraseWhere(tx, { linkTokenHash: tokenHash }, reason);
}

/** Housekeeping (the outbox job): erase the mails whose links have expired by `now`. */
export async function eraseExpiredLinkMails(db: Db, now: Date): Promise<number> {
  return eraseWhere(db, { linkExpiresAt: { lte: now } }, "its link expired");
}

async function eraseWhere(db: Db | Tx, where: Prisma.OutboundMailWhereInput, reason: string): Promise<number> {
  // Not yet handed over: never send it now (a claimed one fails its claim check when recording).
  await db.outboundMail.updateMany({
    where: { ...where, status: { in: ["pending", "sending"] } },
    data: { status: "failed", lastError: `not sent: ${reason}`, claimToken: null, claimedUntil: null },
  });
  const mails = await db.outboundMail.findMany({ where, select: { id: true, toAddress: true } });
  for (const mail of mails) {
    await db.outboundMail.updateMany({ where: { id: mail.id }, data: erasedLinkMail(mail.toAddress) });
  }
  return mails.length;
}
