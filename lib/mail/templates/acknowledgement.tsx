// Art. 12(3): confirms receipt, names the deadline and where to follow the case.
import { z } from "zod";
import { requestTypeSchema } from "./common";
import { day, defineNotice, noticeBase } from "./define-notice";

const schema = z.object({
  ...noticeBase,
  type: requestTypeSchema,
  receivedDate: z.string(),
  dueDate: z.string(),
  caseUrl: z.url(),
  /** An open request of the same type from the same address, which this one was linked to. */
  duplicateOf: z.string().optional(),
});

const duplicate = {
  de: (ref: string) =>
    `Sie haben uns schon eine Anfrage dieser Art gestellt, die noch offen ist (${ref}). Wir haben beide verknüpft und beantworten sie gemeinsam; die frühere Frist gilt weiter für die frühere Anfrage.`,
  en: (ref: string) =>
    `You already have an open request of this kind with us (${ref}). We have linked the two and will answer them together; the earlier deadline still applies to the earlier request.`,
};

export const acknowledgement = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Ihre Anfrage {{reference}} ist bei uns eingegangen",
      body: `Guten Tag,

vielen Dank: Ihre Anfrage „{{requestType}}“ ist am {{receivedDate}} bei uns eingegangen. Ihr Aktenzeichen lautet {{reference}}.

Wir antworten Ihnen spätestens bis zum {{dueDate}} (ein Monat nach Eingang, Art. 12 Abs. 3 DSGVO). Brauchen wir länger, teilen wir Ihnen das vorher mit Begründung mit.

{{duplicateNote}}

Den Stand Ihrer Anfrage sehen Sie jederzeit auf Ihrer Vorgangsseite. Dort können Sie uns auch schreiben.`,
    },
    en: {
      subject: "We have received your request {{reference}}",
      body: `Hello,

Thank you: we received your request “{{requestType}}” on {{receivedDate}}. Your reference is {{reference}}.

We will answer by {{dueDate}} at the latest (one month after receipt, Art. 12(3) GDPR). If we need longer, we will tell you beforehand and explain why.

{{duplicateNote}}

You can follow your request at any time on your case page, and write to us there.`,
    },
  },
  placeholders: { receivedDate: {}, dueDate: {}, duplicateNote: {} },
  // Art. 12(3): the subject learns by when to expect the answer.
  required: [{ placeholder: "dueDate", part: "due_date" }],
  values: (v, l) => ({
    receivedDate: day(v.receivedDate, l),
    dueDate: day(v.dueDate, l),
    duplicateNote: v.duplicateOf ? duplicate[l](v.duplicateOf) : "",
  }),
  link: (v, l) => ({ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }),
});
