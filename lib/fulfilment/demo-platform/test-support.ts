// Shared by the demo platform's database tests: one subject with records of every type (and more usage
// events than one export batch holds), made with plain Prisma writes so the tests check the connector
// against data it did not write itself.
import type { Db } from "../../db/client";
import { generateUsageEvents } from "./generate-usage-events";

export const THIRD_PARTY = "Tobias Klein";

/** Creates the subject `email` under a new account `customerId`; returns the user's id. */
export async function makeSubject(db: Db, email: string, customerId: string, usageEvents = 2345): Promise<string> {
  const account = await db.demoAccount.create({ data: { customerId, name: "Muster Logistik GmbH" } });
  const user = await db.demoUser.create({
    data: { accountId: account.id, email, name: "Anna Schmidt", phone: "+49 30 23125 101", timeZone: "Europe/Berlin" },
  });
  const userId = user.id;
  const t = (minute: number) => new Date(Date.UTC(2026, 9, 1, 8, minute));
  await db.demoDevice.createMany({
    data: [
      { userId, deviceId: "ios-11-5a3c", type: "ios", pushToken: "push-ios-1" },
      { userId, deviceId: "web-12-5a3d", type: "web", pushToken: null },
    ],
  });
  await generateUsageEvents(db, { email, count: usageEvents, now: t(0) });
  await db.demoAlertEvent.createMany({
    data: [1, 2, 3].map((n) => ({
      userId,
      summary: `Disk almost full #${n}`,
      ipAddress: `192.0.2.${n}`,
      occurredAt: t(n),
    })),
  });
  await db.demoNotificationLog.createMany({
    data: [1, 2, 3].map((n) => ({
      userId,
      channel: n === 1 ? "call" : "sms",
      phoneNumber: "+49 30 23125 101",
      status: "delivered",
      sentAt: t(n),
    })),
  });
  const ticket = await db.demoSupportTicket.create({ data: { userId, subject: "No SMS alerts", status: "closed" } });
  await db.demoSupportMessage.createMany({
    data: [
      {
        ticketId: ticket.id,
        authorRole: "customer",
        authorName: "Anna Schmidt",
        body: "No SMS since my new phone.",
        createdAt: t(10),
      },
      {
        ticketId: ticket.id,
        authorRole: "third_party",
        authorName: THIRD_PARTY,
        body: "I removed her old device.",
        createdAt: t(11),
      },
      {
        ticketId: ticket.id,
        authorRole: "customer",
        authorName: "Anna Schmidt",
        body: `${THIRD_PARTY} was right, thanks.`,
        createdAt: t(12),
      },
    ],
  });
  await db.demoConsent.create({ data: { userId, purpose: "app-permissions", givenAt: t(0) } });
  await db.demoMarketingPreference.create({ data: { userId, newsletter: true, productNews: true } });
  await db.demoInvoice.createMany({
    data: [1, 2].map((n) => ({
      accountId: account.id,
      number: `${customerId}-RE-${n}`,
      billingName: "Anna Schmidt",
      billingEmail: email,
      amountCents: 11_900 * n,
      issuedAt: t(n),
    })),
  });
  return userId;
}
