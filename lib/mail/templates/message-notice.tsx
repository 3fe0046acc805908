// The team wrote to the subject on the case page. The mail says only that, with the
// link: mail is less safe than the signed-in page, so the words stay there.
import { z } from "zod";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { SimpleMail } from "./simple-mail";

const schema = z.object({ sender: senderSchema, reference: z.string(), caseUrl: z.url() });

export const messageNotice = defineTemplate({
  schema,
  subject: (v, l) =>
    l === "de" ? `Neue Nachricht zu Ihrer Anfrage ${v.reference}` : `New message about your request ${v.reference}`,
  body: (v, l) => (
    <SimpleMail
      language={l}
      sender={v.sender}
      preview={l === "de" ? "Wir haben Ihnen geschrieben" : "We have written to you"}
      lines={[
        l === "de"
          ? `wir haben Ihnen zu Ihrer Anfrage ${v.reference} eine Nachricht geschrieben. Sie lesen sie nach der Anmeldung auf Ihrer Vorgangsseite; aus Sicherheitsgründen steht sie nicht in dieser E-Mail.`
          : `We have written you a message about your request ${v.reference}. You can read it on your case page after signing in; for your security it is not in this email.`,
      ]}
      link={{ href: v.caseUrl, label: l === "de" ? "Nachricht lesen" : "Read the message" }}
    />
  ),
});
