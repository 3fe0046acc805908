// Art. 12(3): the extension, with its reasons, sent within the first month.
import { z } from "zod";
import { formatDay } from "../../format";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { SimpleMail } from "./simple-mail";

const schema = z.object({
  sender: senderSchema,
  reference: z.string(),
  dueDate: z.string(),
  reason: z.string(),
  caseUrl: z.url(),
});

export const extensionNotice = defineTemplate({
  schema,
  subject: (v, l) =>
    l === "de" ? `Mehr Zeit für Ihre Anfrage ${v.reference}` : `More time for your request ${v.reference}`,
  body: (v, l) =>
    l === "de" ? (
      <SimpleMail
        language={l}
        sender={v.sender}
        preview={`Neue Frist: ${formatDay(v.dueDate, "de")}`}
        lines={[
          `für Ihre Anfrage ${v.reference} brauchen wir mehr Zeit. Nach Art. 12 Abs. 3 DSGVO verlängern wir die Frist um zwei Monate: Sie erhalten unsere Antwort spätestens am ${formatDay(v.dueDate, "de")}.`,
          "Der Grund:",
        ]}
        quoted={v.reason}
        link={{ href: v.caseUrl, label: "Vorgang ansehen" }}
      />
    ) : (
      <SimpleMail
        language={l}
        sender={v.sender}
        preview={`New deadline: ${formatDay(v.dueDate, "en")}`}
        lines={[
          `We need more time for your request ${v.reference}. Under Art. 12(3) GDPR we are extending the period by two months: you will receive our answer by ${formatDay(v.dueDate, "en")} at the latest.`,
          "The reason:",
        ]}
        quoted={v.reason}
        link={{ href: v.caseUrl, label: "View your case" }}
      />
    ),
});
