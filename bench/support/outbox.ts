// The portal's mail backlog after a round of intake: the confirmation mails its worker has not sent yet.
// The intake benchmark waits for it to drain before the next round, so that the worker's catching up
// never runs in the baseline's round (it would slow the baseline and flatter the ratio).
import { createDb } from "../../lib/db/client";

export interface Drained {
  /** Mails not yet sent when the round ended. */
  backlog: number;
  /** Seconds until every one of them was sent. */
  seconds: number;
}

/** Waits until the outbox holds nothing pending or being sent (at most `timeoutMs`, then throws). */
export async function drainOutbox(databaseUrl: string, timeoutMs = 300_000): Promise<Drained> {
  const db = createDb(databaseUrl);
  const begin = Date.now();
  const waiting = () => db.outboundMail.count({ where: { status: { in: ["pending", "sending"] } } });
  try {
    const backlog = await waiting();
    for (let left = backlog; left > 0; left = await waiting()) {
      if (Date.now() - begin > timeoutMs) throw new Error(`the outbox still holds ${left} mails after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { backlog, seconds: (Date.now() - begin) / 1000 };
  } finally {
    await db.$disconnect();
  }
}
