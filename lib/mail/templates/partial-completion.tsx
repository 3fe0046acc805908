import { z } from "zod";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { Paragraph } from "./layout";
import { RefusalSection, refusalVariables } from "./refusal-section";
import { SimpleMail } from "./simple-mail";

const schema = z.object({
  sender: senderSchema,
  reference: z.string(),
  summary: z.string(),
  refusal: refusalVariables,
  caseUrl: z.url(),
});

export const partialCompletion = defineTemplate({
  schema,
  subject: (v, l) => (l === "de" ? `Antwort auf Ihre Anfrage ${v.reference}` : `Answer to your request ${v.reference}`),
  body: (v, l) => (
    <SimpleMail
      language={l}
      sender={v.sender}
      preview={l === "de" ? "Ihre Anfrage ist teilweise erledigt" : "Your request is partly done"}
      lines={[
        l === "de"
          ? `Ihre Anfrage ${v.reference} haben wir zum Teil erledigt:`
          : `We have acted on part of your request ${v.reference}:`,
      ]}
      quoted={v.summary}
      link={{ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }}
    >
      <Paragraph>
        {l === "de" ? "Dem übrigen Teil können wir nicht nachkommen." : "We cannot act on the rest."}
      </Paragraph>
      <RefusalSection refusal={v.refusal} language={l} />
    </SimpleMail>
  ),
});
