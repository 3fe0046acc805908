// The demo platform's record types in one table: which register data categories (content/data-categories.ts)
// and register entries (content/register.ts) each belongs to, whether the subject provided it (Art. 20(1)),
// and what erasure does to it (Art. 17), field by field, with the Art. 17(3) exemption where a duty keeps
// data. The connector's operations, docs/demo-platform.md and the fulfilment report all read this table, so
// what the subject is told and what the code does cannot drift apart. Pure.
import type { Exemption } from "../connectors/types";

export const recordTypes = [
  "user",
  "devices",
  "usage_events",
  "alert_events",
  "notification_logs",
  "support_tickets",
  "support_messages",
  "consents",
  "marketing_preferences",
  "processing_objections",
  "invoices",
] as const;
export type RecordType = (typeof recordTypes)[number];

/**
 * The processing id the connector treats as direct marketing (Art. 21(2)/(3)): the seed register has no entry
 * for the newsletter and product news the platform sends, so this id stands for them. An objection to it (or
 * a withdrawn consent for it) also switches every marketing preference off.
 */
// The planner names direct marketing with this id when the register has no entry for it (21(3)).
export { DIRECT_MARKETING } from "../tasks/plan-tasks";

/** How erasure treats one field of a record that is anonymised rather than deleted. */
export type FieldStrategy =
  | { kind: "null" }
  | { kind: "replace"; value: string }
  /** HMAC-SHA256 (hex) of another field's value under the connector's keyed-hash key. */
  | { kind: "keyed_hash"; of: string };

/** What erasure does with the records of one type. */
export type ErasureRule =
  | { action: "delete" }
  | { action: "anonymise"; fields: Readonly<Record<string, FieldStrategy>>; exemption: Exemption }
  | { action: "keep"; exemption: Exemption };

export interface RecordTypeInfo {
  /** Register data-category ids these records hold. */
  categories: readonly string[];
  /** Register entry ids whose processing produces them; empty where the seed register has no entry (see docs). */
  registerEntries: readonly string[];
  /** Art. 20(1): typed by the subject or produced by their use (observed); not what the platform derived. */
  providedBySubject: boolean;
  erasure: ErasureRule;
}

const TEN_YEARS_TAX: Exemption = {
  article: "17(3)(b)",
  law: "§ 147 AO, § 257 HGB: 10 years",
  explanation: {
    de: "Rechnungen müssen wir nach Steuer- und Handelsrecht zehn Jahre aufbewahren (§ 147 AO, § 257 HGB). Wir bewahren sie bis dahin auf, nutzen sie nur für diese Pflicht und löschen sie danach.",
    en: "Tax and commercial law require us to keep invoices for ten years (§ 147 AO, § 257 HGB German Fiscal Code and Commercial Code). We keep them until then, use them only for that duty and delete them afterwards.",
  },
};

const BILLED_MESSAGES: Exemption = {
  article: "17(3)(b)",
  law: "§ 147 AO: 10 years",
  explanation: {
    de: "Anrufe und SMS rechnen wir einzeln ab; die Belege dazu müssen wir zehn Jahre aufbewahren (§ 147 AO). Wir haben sie anonymisiert: Ihr Name, Ihre Nutzer-ID und Ihre Telefonnummer sind entfernt, es bleiben nur Art, Zeitpunkt und Status der Nachricht.",
    en: "Calls and text messages are billed one by one, and the records behind a bill must be kept for ten years (§ 147 AO German Fiscal Code). We have anonymised them: your user ID and phone number are removed; only the kind, time and status of each message remain.",
  },
};

export const recordTypeTable: Readonly<Record<RecordType, RecordTypeInfo>> = {
  user: {
    categories: ["name", "email-address", "phone-number", "time-zone", "user-id", "customer-id"],
    registerEntries: ["registration", "app-use"],
    providedBySubject: true,
    erasure: { action: "delete" },
  },
  devices: {
    categories: ["device-id", "device-and-app-settings", "push-notifications"],
    registerEntries: ["app-use", "app-permissions"],
    providedBySubject: true,
    erasure: { action: "delete" },
  },
  usage_events: {
    categories: ["access-records", "ip-address"],
    registerEntries: ["app-use"],
    providedBySubject: true,
    erasure: { action: "delete" },
  },
  alert_events: {
    categories: ["access-records", "ip-address"],
    registerEntries: ["app-use", "app-permissions"],
    // An alert comes from the customer's monitoring, not from the subject: received, not provided.
    providedBySubject: false,
    erasure: { action: "delete" },
  },
  notification_logs: {
    categories: ["phone-number", "user-id"],
    registerEntries: ["app-use"],
    providedBySubject: false,
    erasure: {
      action: "anonymise",
      fields: {
        // The hash is computed from userId before userId is nulled (the strategies see the row as it was).
        subjectKey: { kind: "keyed_hash", of: "userId" },
        userId: { kind: "null" },
        phoneNumber: { kind: "null" },
      },
      exemption: BILLED_MESSAGES,
    },
  },
  support_tickets: {
    categories: ["message-content", "request-time"],
    registerEntries: ["support-contact", "support-chat"],
    providedBySubject: true,
    erasure: { action: "delete" },
  },
  support_messages: {
    categories: ["message-content", "name", "request-time"],
    registerEntries: ["support-contact", "support-chat"],
    // A thread mixes the subject's words with agents' answers and third parties' messages: as a whole, not
    // provided by the subject, so portability leaves it out (the ticket's own subject line stays in).
    providedBySubject: false,
    erasure: { action: "delete" },
  },
  consents: {
    categories: ["user-id"],
    registerEntries: ["app-permissions"],
    providedBySubject: true,
    erasure: { action: "delete" },
  },
  marketing_preferences: {
    categories: ["email-address", "user-id"],
    registerEntries: [],
    providedBySubject: true,
    erasure: { action: "delete" },
  },
  processing_objections: {
    categories: ["user-id"],
    registerEntries: [],
    providedBySubject: true,
    erasure: { action: "delete" },
  },
  invoices: {
    categories: ["name", "email-address", "customer-id"],
    registerEntries: [],
    providedBySubject: false,
    erasure: { action: "keep", exemption: TEN_YEARS_TAX },
  },
};
