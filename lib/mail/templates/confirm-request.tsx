// Confirming a request by email: until the data subject follows this link the portal does not
// know that the request comes from the owner of the address, so the one-month clock (Art. 12(3))
// starts only then. The mail says so, how long the link works, and what happens if it is ignored.
import { z } from "zod";
import { formatDateTime } from "../../format";
import { requestTypeSchema, senderSchema, type Bilingual } from "./common";
import { defineTemplate } from "./define-template";
import { ActionLink, MailLayout, Paragraph } from "./layout";
import { requestTypeLabel } from "./request-type-label";

const schema = z.object({
  sender: senderSchema,
  type: requestTypeSchema,
  url: z.url(),
  /** The instant the link stops working. */
  expires: z.iso.datetime(),
  validHours: z.number().int().positive(),
  /** Days after which an unconfirmed request is discarded. */
  expiryDays: z.number().int().positive(),
  timeZone: z.string(),
});
type Vars = z.infer<typeof schema>;

const text: Bilingual<{
  subject: (v: Vars) => string;
  lines: (v: Vars) => string[];
  link: string;
  ignore: (v: Vars) => string;
}> = {
  de: {
    subject: (v) => `Bitte bestätigen Sie Ihre Anfrage „${requestTypeLabel(v.type, "de")}“`,
    lines: (v) => [
      `Sie haben uns über das Datenschutz-Portal eine Anfrage „${requestTypeLabel(v.type, "de")}“ geschickt. Bitte öffnen Sie den folgenden Link und bestätigen Sie dort mit einem Klick, dass sie von Ihnen kommt. Erst dann bearbeiten wir sie, und ab dann läuft unsere Frist von einem Monat (Art. 12 Abs. 3 DSGVO).`,
      `Der Link gilt ${v.validHours} Stunden, bis ${formatDateTime(new Date(v.expires), "de", v.timeZone)}, und nur einmal. Der Klick meldet Sie zugleich im Portal an, wo Sie Ihre Anfrage verfolgen können.`,
    ],
    link: "Anfrage bestätigen",
    ignore: (v) =>
      `Wenn Sie diese Anfrage nicht gestellt haben, ignorieren Sie diese E-Mail einfach: Unbestätigte Anfragen löschen wir nach ${v.expiryDays} Tagen bis auf einen pseudonymisierten Vermerk.`,
  },
  en: {
    subject: (v) => `Please confirm your request “${requestTypeLabel(v.type, "en")}”`,
    lines: (v) => [
      `You sent us a request “${requestTypeLabel(v.type, "en")}” through the privacy portal. Please open the link below and confirm there with one click that it comes from you. We start working on it only then, and our one-month deadline runs from then (Art. 12(3) GDPR).`,
      `The link works once, for ${v.validHours} hours, until ${formatDateTime(new Date(v.expires), "en", v.timeZone)}. The click also signs you in to the portal, where you can follow your request.`,
    ],
    link: "Confirm my request",
    ignore: (v) =>
      `If you did not make this request, simply ignore this email: we delete unconfirmed requests after ${v.expiryDays} days, keeping only a pseudonymised note.`,
  },
};

export const confirmRequest = defineTemplate({
  schema,
  subject: (v, l) => text[l].subject(v),
  body: (v, l) => (
    <MailLayout language={l} sender={v.sender} preview={text[l].subject(v)}>
      <Paragraph>{l === "de" ? "Guten Tag," : "Hello,"}</Paragraph>
      {text[l].lines(v).map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
      <ActionLink href={v.url} label={text[l].link} />
      <Paragraph>{text[l].ignore(v)}</Paragraph>
    </MailLayout>
  ),
});
