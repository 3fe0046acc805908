// Art. 18 in the demo platform: one flag on the user (DemoUser.restrictedAt) stops all processing of the
// user's data but storage; the platform's jobs skip restricted users. Lifting clears it (Art. 18(3): the
// runner calls it only after the subject's notice is queued).
import type { Db } from "../../db/client";
import type { OperationResult } from "../connectors/types";
import { resultsFor, userLinkedTypes } from "./results";
import { countRecords, findDemoUser } from "./subject";

/**
 * Sets (`restricted` true) or clears the restriction of the subject with e-mail `email`. Idempotent: an
 * existing restriction keeps its original time. Result: the user-linked record types with "restricted" or
 * "restriction_lifted" and their counts (the records the flag covers); `found` false when the user is unknown.
 */
export async function setRestriction(db: Db, email: string, restricted: boolean, now: Date): Promise<OperationResult> {
  return db.$transaction(async (tx) => {
    const user = await findDemoUser(tx, email);
    if (!user) return { found: false, records: [] };
    if (restricted) {
      await tx.demoUser.updateMany({ where: { id: user.id, restrictedAt: null }, data: { restrictedAt: now } });
    } else {
      await tx.demoUser.updateMany({
        where: { id: user.id, restrictedAt: { not: null } },
        data: { restrictedAt: null },
      });
    }
    const counts = await countRecords(tx, user, email);
    return {
      found: true,
      records: resultsFor(counts, restricted ? "restricted" : "restriction_lifted", userLinkedTypes),
    };
  });
}
