import { transitionRequest } from "../../requests/transition-request";
import type { Job } from "../job";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Requests nobody confirmed within UNVERIFIED_EXPIRY_DAYS expire and are minimised (the state machine decides). */
export const expireUnverified: Job = {
  name: "expire-unverified",
  everyMs: 15 * 60 * 1000,
  async run({ db, clock, settings }) {
    const now = clock();
    const stale = await db.request.findMany({
      where: {
        status: "awaiting_verification",
        submittedAt: { lte: new Date(now.getTime() - settings.unverifiedExpiryDays * DAY_MS) },
      },
      select: { id: true },
      take: 500,
    });
    let expired = 0;
    for (const { id } of stale) {
      const result = await transitionRequest(
        db,
        { requestId: id, actor: { type: "system" }, command: { name: "expire_unverified", input: {} } },
        settings,
        now,
      );
      if (result.ok) expired++;
    }
    return { expired };
  },
};
