// Everything the queue page shows, for the signed-in viewer: the gate first (requireStaff with
// "queue.view": otherwise the sign-in page, the TOTP page or a 404), then the reads, each of which
// checks the capability again.
import "server-only";
import { appConfig } from "../../config/app-config";
import { db } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import { may } from "../access/capabilities";
import { requireStaff } from "../access/staff-gate";
import { revealedSubjects } from "../reveal/reveal-subject";
import { dashboardFor } from "./dashboard";
import { countMatching, queuePageFor, staffMembers } from "./queue-page";
import type { QueueView } from "./queue-view";

/** Counted at most this far: beyond it the page says "more than" (no COUNT(*) over a million rows). */
export const COUNT_LIMIT = 1_000;

/**
 * The queue for `view` at `now`: its page, a count bounded by COUNT_LIMIT (COUNT_LIMIT + 1 means
 * "more"), the dashboard strip, the staff list, and the addresses the viewer has revealed on it.
 */
export async function readQueue(locale: Locale, view: QueueView, returnPath: string, now: Date = new Date()) {
  const viewer = await requireStaff(locale, "queue.view", returnPath);
  const policy = appConfig().deadlinePolicy;
  const database = db();
  const [page, count, dashboard, staff] = await Promise.all([
    queuePageFor(database, viewer, view, policy.timeZone, now),
    countMatching(database, viewer, view, policy.timeZone, now, COUNT_LIMIT + 1),
    dashboardFor(database, viewer, policy, now),
    staffMembers(database, viewer),
  ]);
  const mayReveal = may(viewer.actor.role, "subject.reveal");
  const revealed = mayReveal
    ? await revealedSubjects(
        database,
        viewer,
        page.rows.map((row) => row.id),
        now,
      )
    : new Map<string, string>();
  return { viewer, policy, page, count, dashboard, staff, mayReveal, revealed };
}
