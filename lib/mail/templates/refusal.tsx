// Art. 12(4): the refusal with its reasons and both remedies (refusal-parts.ts).
import { z } from "zod";
import { defineNotice, noticeBase } from "./define-notice";
import { refusalPlaceholders, refusalRequired, refusalValues, refusalVariables } from "./refusal-parts";

const schema = z.object({ ...noticeBase, refusal: refusalVariables, caseUrl: z.url() });

export const refusal = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Entscheidung zu Ihrer Anfrage {{reference}}",
      body: `Guten Tag,

wir haben Ihre Anfrage {{reference}} sorgfältig geprüft und können ihr nicht nachkommen.

Grund: {{grounds}}. Im Einzelnen:

{{reasons}}

{{complaintRight}}

{{judicialRemedy}}`,
    },
    en: {
      subject: "Decision on your request {{reference}}",
      body: `Hello,

We have looked at your request {{reference}} carefully and cannot act on it.

Ground: {{grounds}}. In detail:

{{reasons}}

{{complaintRight}}

{{judicialRemedy}}`,
    },
  },
  placeholders: refusalPlaceholders,
  required: refusalRequired,
  values: (v, l) => refusalValues(v.refusal, l),
  link: (v, l) => ({ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }),
});
