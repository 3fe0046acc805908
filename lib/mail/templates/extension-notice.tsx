// Art. 12(3): the extension, with its reasons, sent within the first month.
import { z } from "zod";
import { day, defineNotice, noticeBase } from "./define-notice";

const schema = z.object({ ...noticeBase, dueDate: z.string(), reason: z.string(), caseUrl: z.url() });

export const extensionNotice = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Mehr Zeit für Ihre Anfrage {{reference}}",
      body: `Guten Tag,

für Ihre Anfrage {{reference}} brauchen wir mehr Zeit. Nach Art. 12 Abs. 3 DSGVO verlängern wir die Frist um zwei Monate: Sie erhalten unsere Antwort spätestens am {{dueDate}}.

Der Grund:

{{reason}}`,
    },
    en: {
      subject: "More time for your request {{reference}}",
      body: `Hello,

We need more time for your request {{reference}}. Under Art. 12(3) GDPR we are extending the period by two months: you will receive our answer by {{dueDate}} at the latest.

The reason:

{{reason}}`,
    },
  },
  placeholders: { dueDate: {}, reason: { quoted: true } },
  required: [
    { placeholder: "reason", part: "extension_reason" },
    { placeholder: "dueDate", part: "new_due_date" },
  ],
  values: (v, l) => ({ dueDate: day(v.dueDate, l), reason: v.reason }),
  link: (v, l) => ({ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }),
});
