// Art. 12(3): confirms receipt, names the deadline and where to follow the case.
import { z } from "zod";
import { formatDay } from "../../format";
import { requestTypeSchema, senderSchema, type Bilingual } from "./common";
import { defineTemplate } from "./define-template";
import { ActionLink, MailLayout, Paragraph } from "./layout";
import { requestTypeLabel } from "./request-type-label";

const schema = z.object({
  sender: senderSchema,
  reference: z.string(),
  type: requestTypeSchema,
  receivedDate: z.string(),
  dueDate: z.string(),
  caseUrl: z.url(),
  /** An open request of the same type from the same address, which this one was linked to. */
  duplicateOf: z.string().optional(),
});
type Vars = z.infer<typeof schema>;

const text: Bilingual<{ subject: (v: Vars) => string; lines: (v: Vars) => string[]; link: string }> = {
  de: {
    subject: (v) => `Ihre Anfrage ${v.reference} ist bei uns eingegangen`,
    lines: (v) => [
      `vielen Dank: Ihre Anfrage „${requestTypeLabel(v.type, "de")}“ ist am ${formatDay(v.receivedDate, "de")} bei uns eingegangen. Ihr Aktenzeichen lautet ${v.reference}.`,
      `Wir antworten Ihnen spätestens bis zum ${formatDay(v.dueDate, "de")} (ein Monat nach Eingang, Art. 12 Abs. 3 DSGVO). Brauchen wir länger, teilen wir Ihnen das vorher mit Begründung mit.`,
      ...(v.duplicateOf
        ? [
            `Sie haben uns schon eine Anfrage dieser Art gestellt, die noch offen ist (${v.duplicateOf}). Wir haben beide verknüpft und beantworten sie gemeinsam; die frühere Frist gilt weiter für die frühere Anfrage.`,
          ]
        : []),
      "Den Stand Ihrer Anfrage sehen Sie jederzeit auf Ihrer Vorgangsseite. Dort können Sie uns auch schreiben.",
    ],
    link: "Vorgang ansehen",
  },
  en: {
    subject: (v) => `We have received your request ${v.reference}`,
    lines: (v) => [
      `Thank you: we received your request “${requestTypeLabel(v.type, "en")}” on ${formatDay(v.receivedDate, "en")}. Your reference is ${v.reference}.`,
      `We will answer by ${formatDay(v.dueDate, "en")} at the latest (one month after receipt, Art. 12(3) GDPR). If we need longer, we will tell you beforehand and explain why.`,
      ...(v.duplicateOf
        ? [
            `You already have an open request of this kind with us (${v.duplicateOf}). We have linked the two and will answer them together; the earlier deadline still applies to the earlier request.`,
          ]
        : []),
      "You can follow your request at any time on your case page, and write to us there.",
    ],
    link: "View your case",
  },
};

export const acknowledgement = defineTemplate({
  schema,
  subject: (v, language) => text[language].subject(v),
  body: (v, language) => (
    <MailLayout language={language} sender={v.sender} preview={text[language].subject(v)}>
      <Paragraph>{language === "de" ? "Guten Tag," : "Hello,"}</Paragraph>
      {text[language].lines(v).map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
      <ActionLink href={v.caseUrl} label={text[language].link} />
    </MailLayout>
  ),
});
