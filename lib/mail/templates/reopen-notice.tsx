// A closed case was taken up again (REOPEN_DAYS after closing at most): the subject is told, with the
// reason. The original period of Art. 12(3) still applies; reopening does not give the team more time.
import { z } from "zod";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { SimpleMail } from "./simple-mail";

const schema = z.object({
  sender: senderSchema,
  reference: z.string(),
  reason: z.string(),
  caseUrl: z.url(),
});

export const reopenNotice = defineTemplate({
  schema,
  subject: (v, l) =>
    l === "de"
      ? `Ihre Anfrage ${v.reference} wird wieder bearbeitet`
      : `We are working on your request ${v.reference} again`,
  body: (v, l) =>
    l === "de" ? (
      <SimpleMail
        language={l}
        sender={v.sender}
        preview="Wir haben Ihren Vorgang wieder geöffnet"
        lines={[
          `wir haben Ihre Anfrage ${v.reference} abgeschlossen, bearbeiten sie aber jetzt noch einmal. Der Grund:`,
        ]}
        quoted={v.reason}
        afterQuote={["Sie müssen nichts tun. Wir melden uns, sobald wir fertig sind."]}
        link={{ href: v.caseUrl, label: "Vorgang ansehen" }}
      />
    ) : (
      <SimpleMail
        language={l}
        sender={v.sender}
        preview="We have reopened your case"
        lines={[`We had closed your request ${v.reference}, but we are now working on it again. The reason:`]}
        quoted={v.reason}
        afterQuote={["You do not need to do anything. We will get back to you once we are done."]}
        link={{ href: v.caseUrl, label: "View your case" }}
      />
    ),
});
