// An admin invited someone to the back office (or changed what they may do there): where to sign in,
// with which role, and that the first sign-in sets up a second factor. It carries no sign-in link
// itself: the invitee asks for one on the sign-in page, so this mail opens nothing if it leaks.
import { z } from "zod";
import { senderSchema, type Bilingual } from "./common";
import { defineTemplate } from "./define-template";
import { ActionLink, MailLayout, Paragraph } from "./layout";

const schema = z.object({
  sender: senderSchema,
  /** The sign-in page, leading to the back office afterwards. */
  url: z.url(),
  role: z.enum(["dpo", "privacy_team", "admin", "auditor"]),
  invitedBy: z.string(),
});
type Vars = z.infer<typeof schema>;

const roleNames: Bilingual<Record<Vars["role"], string>> = {
  de: {
    dpo: "Datenschutzbeauftragte(r)",
    privacy_team: "Datenschutzteam",
    admin: "Administration",
    auditor: "Prüfer(in), nur lesend",
  },
  en: {
    dpo: "data protection officer",
    privacy_team: "privacy team",
    admin: "administrator",
    auditor: "auditor (read only)",
  },
};

const text: Bilingual<{ subject: string; lines: (v: Vars) => string[]; link: string }> = {
  de: {
    subject: "Ihr Zugang zum Backoffice des Datenschutz-Portals",
    lines: (v) => [
      `${v.invitedBy} hat Ihnen Zugang zum Backoffice des Datenschutz-Portals gegeben, Rolle: ${roleNames.de[v.role]}.`,
      "Melden Sie sich mit dieser E-Mail-Adresse an: Sie erhalten einen Anmeldelink. Bei der ersten Anmeldung richten Sie eine Authenticator-App als zweiten Faktor ein (TOTP) und erhalten zehn Wiederherstellungscodes.",
    ],
    link: "Zur Anmeldung",
  },
  en: {
    subject: "Your access to the privacy portal's back office",
    lines: (v) => [
      `${v.invitedBy} gave you access to the privacy portal's back office as ${roleNames.en[v.role]}.`,
      "Sign in with this email address: you will get a sign-in link. At your first sign-in you set up an authenticator app as a second factor (TOTP) and get ten recovery codes.",
    ],
    link: "Go to sign-in",
  },
};

export const staffInvitation = defineTemplate({
  schema,
  subject: (_v, l) => text[l].subject,
  body: (v, l) => (
    <MailLayout language={l} sender={v.sender} preview={text[l].subject}>
      <Paragraph>{l === "de" ? "Guten Tag," : "Hello,"}</Paragraph>
      {text[l].lines(v).map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
      <ActionLink href={v.url} label={text[l].link} />
    </MailLayout>
  ),
});
