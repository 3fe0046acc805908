// Who hears of a request's news (a new request, the subject's answer, a deadline coming): its
// assignee, or every active DPO while nobody (active) is assigned. One rule for the workflow's
// alerts and the reminder job.
import type { Tx } from "../db/tx";

/** The staff to alert about a request assigned to `assigneeId` (null: nobody), with their mail language. */
export async function staffToAlert(
  tx: Tx,
  assigneeId: string | null,
): Promise<Array<{ email: string; locale: "de" | "en" }>> {
  const select = { email: true, locale: true } as const;
  // A deactivated assignee reads no mail of the portal's any more: the DPOs hear of it instead.
  const assignee = assigneeId
    ? await tx.user.findMany({ where: { id: assigneeId, role: { not: null }, deactivatedAt: null }, select })
    : [];
  const people = assignee.length
    ? assignee
    : await tx.user.findMany({ where: { role: "dpo", deactivatedAt: null }, select });
  return people.map((p) => ({ email: p.email, locale: p.locale === "en" ? "en" : "de" }));
}
