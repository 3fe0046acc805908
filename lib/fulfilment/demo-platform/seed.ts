// The demo platform's product data for the demo subjects (prisma/demo-people.ts), seeded by `npm start`
// with the rest of the demo data (prisma/seed.ts): two customer accounts, their users with devices, a few
// hundred usage and alert events, call/SMS logs, consents, marketing preferences and invoices, and a support
// ticket of Anna Schmidt's whose thread includes a third party (Tobias Klein), for the Art. 15(4) redaction.
// Addresses are from the documentation ranges (RFC 5737, RFC 3849); the phone numbers are the ranges
// reserved for drama productions (Bundesnetzagentur: +49 30 23125 xxx).
import type { Db } from "../../db/client";
import { demoSubjects } from "../../../prisma/demo-people";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface SeedUser {
  email: (typeof demoSubjects)[number]["email"];
  account: "muster" | "nordwind";
  phone: string;
  timeZone: string;
  devices: Array<{ type: "ios" | "android" | "web"; push: boolean }>;
  usageEvents: number;
  alertEvents: number;
  notifications: number;
  newsletter: boolean;
  productNews: boolean;
}

const accounts = {
  muster: { customerId: "CUST-10042", name: "Muster Logistik GmbH" },
  nordwind: { customerId: "CUST-10077", name: "Nordwind Energie AG" },
} as const;

const users: SeedUser[] = [
  {
    email: "anna.schmidt@demo.example",
    account: "muster",
    phone: "+49 30 23125 101",
    timeZone: "Europe/Berlin",
    devices: [
      { type: "ios", push: true },
      { type: "web", push: false },
    ],
    usageEvents: 120,
    alertEvents: 30,
    notifications: 8,
    newsletter: true,
    productNews: true,
  },
  {
    email: "jonas.weber@demo.example",
    account: "muster",
    phone: "+49 30 23125 102",
    timeZone: "Europe/Berlin",
    devices: [{ type: "android", push: true }],
    usageEvents: 60,
    alertEvents: 20,
    notifications: 5,
    newsletter: false,
    productNews: true,
  },
  {
    email: "lea.fischer@demo.example",
    account: "muster",
    phone: "+49 30 23125 103",
    timeZone: "Europe/Dublin",
    devices: [{ type: "ios", push: true }],
    usageEvents: 50,
    alertEvents: 15,
    notifications: 4,
    newsletter: true,
    productNews: false,
  },
  {
    email: "max.mueller@demo.example",
    account: "nordwind",
    phone: "+49 30 23125 104",
    timeZone: "Europe/Berlin",
    devices: [
      { type: "android", push: true },
      { type: "web", push: false },
    ],
    usageEvents: 40,
    alertEvents: 10,
    notifications: 3,
    newsletter: false,
    productNews: false,
  },
  {
    email: "sophie.wagner@demo.example",
    account: "nordwind",
    phone: "+49 30 23125 105",
    timeZone: "Europe/Vienna",
    devices: [{ type: "web", push: false }],
    usageEvents: 30,
    alertEvents: 10,
    notifications: 2,
    newsletter: true,
    productNews: true,
  },
];

const ACTIONS = ["signed_in", "opened_alert", "acknowledged_alert", "resolved_alert", "viewed_schedule", "signed_out"];
const ALERTS = [
  "CPU load above 90 % on lager-db-01",
  "Tracking API responds slowly (p95 > 2 s)",
  "Disk almost full on scanner-gw-02",
  "Heartbeat missing: route-planner",
  "Certificate of shop.muster-logistik.example expires in 7 days",
];

function ip(n: number): string {
  return n % 4 === 3 ? `2001:db8::${(n % 200) + 1}` : `192.0.2.${(n % 250) + 1}`;
}

/**
 * Seeds the demo platform unless its first account exists already; returns whether it seeded. `now` anchors
 * every timestamp (events in the 90 days before it).
 */
export async function seedDemoPlatform(db: Db, now: Date): Promise<boolean> {
  if (await db.demoAccount.findUnique({ where: { customerId: accounts.muster.customerId } })) return false;
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  const accountIds: Record<keyof typeof accounts, string> = {
    muster: (await db.demoAccount.create({ data: { ...accounts.muster, createdAt: at(400 * DAY) } })).id,
    nordwind: (await db.demoAccount.create({ data: { ...accounts.nordwind, createdAt: at(300 * DAY) } })).id,
  };
  const userIds = new Map<string, string>();
  for (const [index, seed] of users.entries()) {
    const subject = demoSubjects.find((s) => s.email === seed.email)!;
    const user = await db.demoUser.create({
      data: {
        accountId: accountIds[seed.account],
        email: seed.email,
        name: subject.name,
        phone: seed.phone,
        timeZone: seed.timeZone,
        createdAt: at((200 - index * 20) * DAY),
      },
    });
    userIds.set(seed.email, user.id);
    const userId = user.id;
    await db.demoDevice.createMany({
      data: seed.devices.map((device, d) => ({
        userId,
        deviceId: `${device.type}-${index + 1}${d + 1}-${(0x5a3c + index * 97 + d).toString(16)}`,
        type: device.type,
        pushToken: device.push ? `push-${device.type}-${(index + 1) * 7919 + d}` : null,
        createdAt: at((150 - d * 30) * DAY),
      })),
    });
    await db.demoUsageEvent.createMany({
      data: Array.from({ length: seed.usageEvents }, (_, n) => ({
        userId,
        action: ACTIONS[n % ACTIONS.length]!,
        ipAddress: ip(n + index),
        occurredAt: at(((seed.usageEvents - n) * 90 * DAY) / seed.usageEvents),
      })),
    });
    await db.demoAlertEvent.createMany({
      data: Array.from({ length: seed.alertEvents }, (_, n) => ({
        userId,
        summary: ALERTS[(n + index) % ALERTS.length]!,
        ipAddress: ip(n * 3 + index),
        occurredAt: at(((seed.alertEvents - n) * 90 * DAY) / seed.alertEvents + 7 * MINUTE),
      })),
    });
    await db.demoNotificationLog.createMany({
      data: Array.from({ length: seed.notifications }, (_, n) => ({
        userId,
        channel: n % 3 === 0 ? "call" : "sms",
        phoneNumber: seed.phone,
        status: n % 5 === 4 ? "failed" : "delivered",
        sentAt: at(((seed.notifications - n) * 60 * DAY) / seed.notifications + 8 * MINUTE),
      })),
    });
    await db.demoConsent.create({ data: { userId, purpose: "app-permissions", givenAt: at(150 * DAY) } });
    await db.demoMarketingPreference.create({
      data: { userId, newsletter: seed.newsletter, productNews: seed.productNews },
    });
  }
  await db.demoInvoice.createMany({
    data: [
      {
        accountId: accountIds.muster,
        number: "RE-2026-0311",
        billingName: "Anna Schmidt",
        billingEmail: "anna.schmidt@demo.example",
        amountCents: 118_881,
        issuedAt: at(62 * DAY),
      },
      {
        accountId: accountIds.muster,
        number: "RE-2026-0412",
        billingName: "Anna Schmidt",
        billingEmail: "anna.schmidt@demo.example",
        amountCents: 118_881,
        issuedAt: at(31 * DAY),
      },
      // Max Müller is the billing contact of two accounts (the demo request asks him which one he means).
      {
        accountId: accountIds.nordwind,
        number: "RE-2026-0420",
        billingName: "Max Müller",
        billingEmail: "max.mueller@demo.example",
        amountCents: 59_381,
        issuedAt: at(30 * DAY),
      },
      {
        accountId: accountIds.muster,
        number: "RE-2026-0421",
        billingName: "Max Müller",
        billingEmail: "max.mueller@demo.example",
        amountCents: 23_681,
        issuedAt: at(30 * DAY),
      },
    ],
  });
  await seedAnnasTicket(db, userIds.get("anna.schmidt@demo.example")!, at);
  return true;
}

/** A support thread with a third party (a colleague of Anna's) writing in, and named in Anna's own message. */
async function seedAnnasTicket(db: Db, userId: string, at: (msAgo: number) => Date): Promise<void> {
  const ticket = await db.demoSupportTicket.create({
    data: {
      userId,
      subject: "Keine SMS-Alarme mehr seit dem Gerätewechsel",
      status: "closed",
      createdAt: at(21 * DAY),
    },
  });
  await db.demoSupportMessage.createMany({
    data: [
      {
        ticketId: ticket.id,
        authorRole: "customer",
        authorName: "Anna Schmidt",
        body: "Seit ich ein neues Handy habe, bekomme ich keine SMS-Alarme mehr. Die Telefonnummer ist dieselbe.",
        createdAt: at(21 * DAY),
      },
      {
        ticketId: ticket.id,
        authorRole: "agent",
        authorName: "Jana Roth (Support)",
        body: "Danke für Ihre Nachricht. Ist das neue Gerät in der App unter Einstellungen › Geräte eingetragen?",
        createdAt: at(21 * DAY - 2 * 60 * MINUTE),
      },
      {
        ticketId: ticket.id,
        authorRole: "third_party",
        authorName: "Tobias Klein",
        body: "Hallo, ich bin Annas Kollege und Admin unseres Kontos. Ich habe ihr altes Gerät gestern aus dem Konto entfernt, vielleicht liegt es daran.",
        createdAt: at(20 * DAY),
      },
      {
        ticketId: ticket.id,
        authorRole: "customer",
        authorName: "Anna Schmidt",
        body: "Tobias Klein hat recht: nachdem ich das neue Gerät eingetragen habe, kommen die SMS wieder. Danke!",
        createdAt: at(19 * DAY),
      },
    ],
  });
}
