// The magic link: signs the data subject (or a staff member) in. It says how long it works,
// that it works once, and that nothing happens if it is ignored, so an unexpected one is harmless.
import { z } from "zod";
import { formatDateTime } from "../../format";
import { senderSchema, type Bilingual } from "./common";
import { defineTemplate } from "./define-template";
import { ActionLink, MailLayout, Paragraph } from "./layout";

const schema = z.object({
  sender: senderSchema,
  url: z.url(),
  /** The instant the link stops working. */
  expires: z.iso.datetime(),
  validHours: z.number().int().positive(),
  /** The controller's time zone: the expiry is shown as people there read a clock. */
  timeZone: z.string(),
});
type Vars = z.infer<typeof schema>;

const text: Bilingual<{ subject: string; lines: (v: Vars) => string[]; link: string; ignore: string }> = {
  de: {
    subject: "Ihr Anmeldelink für das Datenschutz-Portal",
    lines: (v) => [
      "öffnen Sie den folgenden Link und melden Sie sich dort mit einem Klick im Datenschutz-Portal an; dann sehen Sie Ihre Anfragen.",
      `Der Link gilt ${v.validHours} Stunden, bis ${formatDateTime(new Date(v.expires), "de", v.timeZone)}, und nur einmal.`,
    ],
    link: "Jetzt anmelden",
    ignore:
      "Wenn Sie diesen Link nicht angefordert haben, ignorieren Sie diese E-Mail einfach: Ohne den Link meldet sich niemand an.",
  },
  en: {
    subject: "Your sign-in link for the privacy portal",
    lines: (v) => [
      "Open the link below and sign in there with one click to see your requests in the privacy portal.",
      `The link works once, for ${v.validHours} hours, until ${formatDateTime(new Date(v.expires), "en", v.timeZone)}.`,
    ],
    link: "Sign in now",
    ignore: "If you did not ask for this link, simply ignore this email: nobody is signed in without the link.",
  },
};

export const signInLink = defineTemplate({
  schema,
  subject: (_v, l) => text[l].subject,
  body: (v, l) => (
    <MailLayout language={l} sender={v.sender} preview={text[l].subject}>
      <Paragraph>{l === "de" ? "Guten Tag," : "Hello,"}</Paragraph>
      {text[l].lines(v).map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
      <ActionLink href={v.url} label={text[l].link} />
      <Paragraph>{text[l].ignore}</Paragraph>
    </MailLayout>
  ),
});
