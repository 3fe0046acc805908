// The outbox sender. It claims due rows one by one with a compare-and-set (so two
// senders never send the same row at the same time), renders, sends, and records
// the outcome. A sender that dies mid-send leaves a claim that expires; the row is
// then tried again (at-least-once; the Message-ID lets receivers drop a repeat).
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { renderMail } from "../render-mail";
import type { MailDelivery } from "./deliveries";
import { describeMailError, isPermanentFailure, retryDelayMs, type RetryPolicy } from "./retry-policy";

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface DeliveryOptions {
  retry: RetryPolicy;
  batchSize?: number;
  /** How long a claim holds; longer than the slowest SMTP conversation. */
  claimMs?: number;
  clock?: () => Date;
}

export async function deliverDueMails(
  db: Db,
  delivery: MailDelivery,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const clock = options.clock ?? (() => new Date());
  const claimMs = options.claimMs ?? 120_000;
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
    const claim = await db.outboundMail.updateMany({
      where: { id: candidate.id, status: candidate.status, claimToken: candidate.claimToken },
      data: {
        status: "sending",
        claimToken: token,
        claimedUntil: new Date(claimedAt.getTime() + claimMs),
        attempts: { increment: 1 },
      },
    });
    if (claim.count !== 1) continue; // another sender got there first
    const row = await db.outboundMail.findUniqueOrThrow({ where: { id: candidate.id } });
    const mine = { id: row.id, claimToken: token };
    try {
      const rendered = await renderMail(row.template, row.language, row.variables);
      await delivery.send({ id: row.id, to: row.toAddress, ...rendered });
      await db.outboundMail.updateMany({
        where: mine,
        data: {
          status: "sent",
          sentAt: clock(),
          transport: delivery.name,
          claimToken: null,
          claimedUntil: null,
          lastError: null,
          ...rendered,
        },
      });
      report.sent++;
    } catch (error) {
      const giveUp = isPermanentFailure(error) || row.attempts >= options.retry.maxAttempts;
      await db.outboundMail.updateMany({
        where: mine,
        data: giveUp
          ? { status: "failed", lastError: describeMailError(error), claimToken: null, claimedUntil: null }
          : {
              status: "pending",
              lastError: describeMailError(error),
              nextAttemptAt: new Date(clock().getTime() + retryDelayMs(row.attempts, options.retry)),
              claimToken: null,
              claimedUntil: null,
            },
      });
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}
