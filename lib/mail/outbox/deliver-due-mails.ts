// The outbox sender. It claims due rows one by one with a compare-and-set (so two
// senders never send the same row at the same time), renders, sends, and records
// the outcome. A sender that dies mid-send leaves a claim that expires; the row is
// then tried again (at-least-once; the Message-ID lets receivers drop a repeat).
import { minimisedAddress } from "../../requests/minimised-address";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/sqlite/client";
import { renderMail } from "../render-mail";
import type { MailDelivery } from "./deliveries";
import { erasedLinkMail } from "./erase-link-mails";
import { describeMailError, isPermanentFailure, retryDelayMs, type RetryPolicy } from "./retry-policy";

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface DeliveryOptions {
  retry: RetryPolicy;
  batchSize?: number;
  /** How long a claim holds: far longer than the slowest SMTP conversation (see lib/mail/transport.ts). */
  claimMs?: number;
  clock?: () => Date;
}

export async function deliverDueMails(
  db: Db,
  delivery: MailDelivery,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const clock = options.clock ?? (() => new Date());
  const claimMs = options.claimMs ?? 10 * 60_000;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const now = clock();
  const due = await db.outboundMail.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "sending", claimedUntil: { lt: now } },
      ],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: options.batchSize ?? 50,
    select: { id: true, status: true, claimToken: true },
  });

  for (const candidate of due) {
    const token = randomUUID();
    const claimedAt = clock();
    // The claim and the row in one statement (UPDATE … RETURNING).
    const [row] = await db.outboundMail.updateManyAndReturn({
      where: { id: candidate.id, status: candidate.status, claimToken: candidate.claimToken },
      data: {
        status: "sending",
        claimToken: token,
        claimedUntil: new Date(claimedAt.getTime() + claimMs),
        attempts: { increment: 1 },
      },
      include: {
        request: { select: { minimisedAt: true } },
        // The notice's words as they were when it was queued (enqueue-mail.ts); null: the shipped words.
        noticeText: { select: { subject: true, body: true } },
      },
    });
    if (!row) continue; // another sender got there first
    const mine = { id: row.id, claimToken: token };
    let rendered: Awaited<ReturnType<typeof renderMail>>;
    try {
      rendered = await renderMail(row.template, row.language, row.variables, row.noticeText ?? undefined);
      await delivery.send({ id: row.id, to: row.toAddress, ...rendered });
    } catch (error) {
      const giveUp = isPermanentFailure(error) || row.attempts >= options.retry.maxAttempts;
      const outcome = giveUp
        ? { status: "failed" as const }
        : {
            status: "pending" as const,
            nextAttemptAt: new Date(clock().getTime() + retryDelayMs(row.attempts, options.retry)),
          };
      // A link mail that will never go out keeps no usable link either.
      const erased = giveUp && row.linkTokenHash ? erasedLinkMail(row.toAddress) : {};
      const data = { ...outcome, ...erased, lastError: describeMailError(error), claimToken: null, claimedUntil: null };
      if (await record(db, mine, data)) report[giveUp ? "failed" : "retrying"]++;
      continue;
    }
    // The mail is out. Whatever happens now, it must never go back to pending: if recording fails,
    // the claim stays and expires, which is the documented at-least-once window.
    // The last mail of a minimised request (e.g. the confirmation of an early withdrawal): keep only that
    // it was sent and when, as minimisation does for the others.
    // A link mail handed to an SMTP server is the recipient's now: the outbox keeps no copy of the link
    // (erase-link-mails.ts). The demo mailbox is the recipient's inbox, so there it stays until used or expired.
    const kept = row.request?.minimisedAt
      ? { toAddress: minimisedAddress(row.toAddress), variables: {}, subject: null, text: null, html: null }
      : row.linkTokenHash && delivery.name === "smtp"
        ? { subject: rendered.subject, ...erasedLinkMail(row.toAddress) }
        : rendered;
    const sent = { status: "sent" as const, sentAt: clock(), transport: delivery.name, lastError: null, ...kept };
    if (await record(db, mine, { ...sent, claimToken: null, claimedUntil: null })) report.sent++;
  }
  return report;
}

/** Writes the outcome if the claim is still ours; retries a few times while the database is busy. */
async function record(
  db: Db,
  mine: { id: string; claimToken: string },
  data: Prisma.OutboundMailUpdateManyMutationInput,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.outboundMail.updateMany({ where: mine, data })).count === 1;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
