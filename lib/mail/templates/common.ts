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
