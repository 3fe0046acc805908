// Art. 12(6): what the team needs from the subject to go on, and only that.
import { z } from "zod";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { SimpleMail } from "./simple-mail";

const schema = z.object({
  sender: senderSchema,
  reference: z.string(),
  reason: z.enum(["identity", "clarification"]),
  message: z.string(),
  caseUrl: z.url(),
});

export const informationRequest = defineTemplate({
  schema,
  subject: (v, l) =>
    l === "de" ? `Rückfrage zu Ihrer Anfrage ${v.reference}` : `A question about your request ${v.reference}`,
  body: (v, l) => (
    <SimpleMail
      language={l}
      sender={v.sender}
      preview={l === "de" ? "Wir brauchen noch eine Angabe von Ihnen" : "We need one more detail from you"}
      lines={[
        l === "de"
          ? v.reason === "identity"
            ? `um Ihre Anfrage ${v.reference} bearbeiten zu können, müssen wir sicher sein, dass sie von Ihnen stammt (Art. 12 Abs. 6 DSGVO). Wir fragen dafür nur, was wir wirklich brauchen:`
            : `zu Ihrer Anfrage ${v.reference} haben wir eine Rückfrage:`
          : v.reason === "identity"
            ? `To handle your request ${v.reference} we need to be sure it comes from you (Art. 12(6) GDPR). We only ask for what we really need:`
            : `We have a question about your request ${v.reference}:`,
      ]}
      quoted={v.message}
      afterQuote={[
        l === "de"
          ? "Bitte antworten Sie auf Ihrer Vorgangsseite. Antworten Sie nicht, können wir die Anfrage womöglich nicht vollständig bearbeiten."
          : "Please answer on your case page. Without your answer we may not be able to handle the request in full.",
      ]}
      link={{ href: v.caseUrl, label: l === "de" ? "Jetzt antworten" : "Answer now" }}
    />
  ),
});
