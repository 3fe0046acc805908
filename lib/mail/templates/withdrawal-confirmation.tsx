import { z } from "zod";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { SimpleMail } from "./simple-mail";

const schema = z.object({ sender: senderSchema, reference: z.string() });

export const withdrawalConfirmation = defineTemplate({
  schema,
  subject: (v, l) => (l === "de" ? `Anfrage ${v.reference} zurückgezogen` : `Request ${v.reference} withdrawn`),
  body: (v, l) => (
    <SimpleMail
      language={l}
      sender={v.sender}
      preview={l === "de" ? "Ihre Anfrage ist zurückgezogen" : "Your request is withdrawn"}
      lines={[
        l === "de"
          ? `Ihre Anfrage ${v.reference} ist zurückgezogen; wir bearbeiten sie nicht weiter. Sie können jederzeit eine neue Anfrage stellen.`
          : `Your request ${v.reference} is withdrawn; we will not work on it any further. You can make a new request at any time.`,
      ]}
    />
  ),
});
