import { z } from "zod";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { RefusalSection, refusalVariables } from "./refusal-section";
import { SimpleMail } from "./simple-mail";

const schema = z.object({ sender: senderSchema, reference: z.string(), refusal: refusalVariables, caseUrl: z.url() });

export const refusal = defineTemplate({
  schema,
  subject: (v, l) =>
    l === "de" ? `Entscheidung zu Ihrer Anfrage ${v.reference}` : `Decision on your request ${v.reference}`,
  body: (v, l) => (
    <SimpleMail
      language={l}
      sender={v.sender}
      preview={l === "de" ? "Wir können Ihrer Anfrage nicht nachkommen" : "We cannot act on your request"}
      lines={[
        l === "de"
          ? `wir haben Ihre Anfrage ${v.reference} sorgfältig geprüft und können ihr nicht nachkommen.`
          : `We have looked at your request ${v.reference} carefully and cannot act on it.`,
      ]}
      link={{ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }}
    >
      <RefusalSection refusal={v.refusal} language={l} />
    </SimpleMail>
  ),
});
