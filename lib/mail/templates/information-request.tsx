// Art. 12(6): what the team needs from the subject to go on, and only that.
import { z } from "zod";
import type { Bilingual } from "./common";
import { defineNotice, noticeBase } from "./define-notice";

const schema = z.object({
  ...noticeBase,
  reason: z.enum(["identity", "clarification"]),
  message: z.string(),
  caseUrl: z.url(),
});

/** Why the team asks: a sentence per reason, so one text serves both (identity: Art. 12(6)). */
const whyWeAsk: Bilingual<Record<z.infer<typeof schema>["reason"], (reference: string) => string>> = {
  de: {
    identity: (r) =>
      `um Ihre Anfrage ${r} bearbeiten zu können, müssen wir sicher sein, dass sie von Ihnen stammt (Art. 12 Abs. 6 DSGVO). Wir fragen dafür nur, was wir wirklich brauchen:`,
    clarification: (r) => `zu Ihrer Anfrage ${r} haben wir eine Rückfrage:`,
  },
  en: {
    identity: (r) =>
      `To handle your request ${r} we need to be sure it comes from you (Art. 12(6) GDPR). We only ask for what we really need:`,
    clarification: (r) => `We have a question about your request ${r}:`,
  },
};

export const informationRequest = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Rückfrage zu Ihrer Anfrage {{reference}}",
      body: `Guten Tag,

{{whyWeAsk}}

{{question}}

Bitte antworten Sie auf Ihrer Vorgangsseite. Antworten Sie nicht, können wir die Anfrage womöglich nicht vollständig bearbeiten.`,
    },
    en: {
      subject: "A question about your request {{reference}}",
      body: `Hello,

{{whyWeAsk}}

{{question}}

Please answer on your case page. Without your answer we may not be able to handle the request in full.`,
    },
  },
  placeholders: { whyWeAsk: {}, question: { quoted: true } },
  required: [{ placeholder: "question", part: "question" }],
  values: (v, l) => ({ whyWeAsk: whyWeAsk[l][v.reason](v.reference), question: v.message }),
  link: (v, l) => ({ href: v.caseUrl, label: l === "de" ? "Jetzt antworten" : "Answer now" }),
});
