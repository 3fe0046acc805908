// What every mail knows: who sends it and where the portal is. Frozen into each
// outbox row at enqueue time, so a mail says what was true when its event happened.
import { z } from "zod";

export const languageSchema = z.enum(["de", "en"]);
export type MailLanguage = z.infer<typeof languageSchema>;

export const senderSchema = z.object({
  portalName: z.string(),
  portalUrl: z.url(),
  controllerName: z.string(),
  dpoEmail: z.email(),
});
export type Sender = z.infer<typeof senderSchema>;

export const requestTypeSchema = z.enum([
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "consent_withdrawal",
]);

/** Texts per language, picked by the mail's language. */
export type Bilingual<T> = Record<MailLanguage, T>;

/** When a link stops working, as people in the controller's time zone read a clock (with the zone's name). */
export function formatExpiry(expires: string, timeZone: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === "de" ? "de-DE" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(expires));
}
