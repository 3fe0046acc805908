import { z } from "zod";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { SimpleMail } from "./simple-mail";

const schema = z.object({ sender: senderSchema, reference: z.string(), summary: z.string(), caseUrl: z.url() });

export const completion = defineTemplate({
  schema,
  subject: (v, l) => (l === "de" ? `Ihre Anfrage ${v.reference} ist erledigt` : `Your request ${v.reference} is done`),
  body: (v, l) => (
    <SimpleMail
      language={l}
      sender={v.sender}
      preview={l === "de" ? "Ihre Anfrage ist erledigt" : "Your request is done"}
      lines={[
        l === "de"
          ? `wir haben Ihre Anfrage ${v.reference} erledigt:`
          : `We have completed your request ${v.reference}:`,
      ]}
      quoted={v.summary}
      afterQuote={[
        l === "de"
          ? "Haben Sie noch Fragen, schreiben Sie uns auf Ihrer Vorgangsseite."
          : "If you have any questions, write to us on your case page.",
      ]}
      link={{ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }}
    />
  ),
});
