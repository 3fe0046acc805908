// A minimised request's mails keep only that a mail was sent and when: the address becomes a
// digest, what it said goes. A mail not yet sent is never sent now (its address is being erased),
// and the request's link tokens go with it: they name the address too.
import type { Tx } from "../db/tx";
import { minimisedAddress } from "./minimised-address";

export async function minimiseRequestMails(tx: Tx, requestId: string, subjectEmail: string): Promise<void> {
  await tx.outboundMail.updateMany({
    where: { requestId, status: { in: ["pending", "sending"] } },
    data: { status: "failed", lastError: "not sent: the request was minimised", claimToken: null, claimedUntil: null },
  });
  const mails = await tx.outboundMail.findMany({ where: { requestId }, select: { id: true, toAddress: true } });
  for (const mail of mails) {
    await tx.outboundMail.update({
      where: { id: mail.id },
      data: { toAddress: minimisedAddress(mail.toAddress), variables: {}, subject: null, text: null, html: null },
    });
  }
  await tx.verificationToken.deleteMany({ where: { identifier: subjectEmail } });
}
