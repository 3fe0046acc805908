// Finding the data subject in the demo platform and counting their records per type. The subject is the
// DemoUser with their verified e-mail address (Art. 12(6): the request's proven identity, never the name);
// invoices belong to the customer account and are found by their billing address. Reads only.
import type { Db } from "../../db/client";
import type { Tx } from "../../db/tx";
import type { RecordType } from "./record-types";

export interface DemoSubject {
  id: string;
  email: string;
}

/** The subject's DemoUser (id and e-mail), or null when the platform does not know the address. */
export async function findDemoUser(db: Db | Tx, email: string): Promise<DemoSubject | null> {
  return db.demoUser.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
}

/** Records per type for the subject (every type, 0 where there are none); `user` null: only invoices can exist. */
export async function countRecords(
  db: Db | Tx,
  user: DemoSubject | null,
  email: string,
): Promise<Record<RecordType, number>> {
  const invoices = await db.demoInvoice.count({ where: { billingEmail: email.trim().toLowerCase() } });
  if (!user) {
    return {
      user: 0,
      devices: 0,
      usage_events: 0,
      alert_events: 0,
      notification_logs: 0,
      support_tickets: 0,
      support_messages: 0,
      consents: 0,
      marketing_preferences: 0,
      processing_objections: 0,
      invoices,
    };
  }
  const userId = user.id;
  const [devices, usage, alerts, logs, tickets, messages, consents, marketing, objections] = await Promise.all([
    db.demoDevice.count({ where: { userId } }),
    db.demoUsageEvent.count({ where: { userId } }),
    db.demoAlertEvent.count({ where: { userId } }),
    db.demoNotificationLog.count({ where: { userId } }),
    db.demoSupportTicket.count({ where: { userId } }),
    db.demoSupportMessage.count({ where: { ticket: { userId } } }),
    db.demoConsent.count({ where: { userId } }),
    db.demoMarketingPreference.count({ where: { userId } }),
    db.demoProcessingObjection.count({ where: { userId } }),
  ]);
  return {
    user: 1,
    devices,
    usage_events: usage,
    alert_events: alerts,
    notification_logs: logs,
    support_tickets: tickets,
    support_messages: messages,
    consents,
    marketing_preferences: marketing,
    processing_objections: objections,
    invoices,
  };
}
