// Staff reminders (default 7 and 2 days before a due date, and daily while overdue)
// to the assignee or, while nobody (active) is assigned, the active DPOs. Each reminder is claimed
// by a unique ReminderSent row in the same transaction as its mails, so however
// many workers run, each is queued once.
import { deadlineStatus } from "../../deadlines";
import { enqueueMail } from "../../mail/outbox/enqueue-mail";
import { mailSender } from "../../requests/request-settings";
import type { Job } from "../job";
import { staffToAlert } from "../../requests/staff-to-alert";
import { activeStatuses } from "../../requests/workflow/states";

function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export const sendReminders: Job = {
  name: "send-reminders",
  everyMs: 10 * 60 * 1000,
  async run({ db, clock, settings, reminderDays }) {
    const now = clock();
    const policy = settings.policy;
    const thresholds = [...reminderDays].sort((a, b) => a - b);
    const horizon = Math.max(0, ...thresholds);
    const open = await db.request.findMany({
      where: {
        // awaiting_fee included: the period keeps running while a fee awaits the subject's decision.
        status: { in: [...activeStatuses] },
        dueAt: { not: null, lte: new Date(now.getTime() + (horizon + 2) * 24 * 60 * 60 * 1000) },
      },
      select: { id: true, reference: true, type: true, status: true, dueAt: true, dueDate: true, assigneeId: true },
    });
    let queued = 0;
    let skipped = 0;
    for (const request of open) {
      // While the clock is paused for the subject, the due date is not yet known.
      if (request.status === "awaiting_subject" && policy.clockPolicy === "paused_while_awaiting_subject") continue;
      const status = deadlineStatus({ due: request.dueDate!, dueAt: request.dueAt! }, now, policy);
      const overdue = status.state === "overdue";
      const threshold = thresholds.find((days) => status.daysLeft <= days);
      if (!overdue && threshold === undefined) continue;
      const kind = overdue ? "overdue" : `before_${threshold}`;
      const day = overdue ? dayIn(policy.timeZone, now) : request.dueDate!;
      try {
        await db.$transaction(async (tx) => {
          await tx.reminderSent.create({ data: { requestId: request.id, kind, day } });
          for (const person of await staffToAlert(tx, request.assigneeId)) {
            const language = person.locale;
            await enqueueMail(
              tx,
              {
                template: "staff_alert",
                language,
                to: person.email,
                requestId: request.id,
                variables: {
                  sender: mailSender(settings.mail, language),
                  reference: request.reference,
                  type: request.type,
                  dueDate: request.dueDate!,
                  url: `${settings.mail.publicUrl}/${language}/backoffice/requests/${request.reference}`,
                  alert: overdue
                    ? { kind: "overdue", daysOverdue: Math.max(1, -status.daysLeft) }
                    : { kind: "due_soon", daysLeft: status.daysLeft },
                },
              },
              now,
            );
            queued++;
          }
        });
      } catch (error) {
        if ((error as { code?: string }).code !== "P2002") throw error;
        skipped++; // already reminded (by this or another worker)
      }
    }
    return { queued, skipped };
  },
};
