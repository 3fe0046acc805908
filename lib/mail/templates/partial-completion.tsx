// Art. 12(3) and 12(4): what was done, and for the rest the refusal with its reasons and both remedies.
import { z } from "zod";
import { defineNotice, noticeBase } from "./define-notice";
import { refusalPlaceholders, refusalRequired, refusalValues, refusalVariables } from "./refusal-parts";

const schema = z.object({ ...noticeBase, summary: z.string(), refusal: refusalVariables, caseUrl: z.url() });

export const partialCompletion = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Antwort auf Ihre Anfrage {{reference}}",
      body: `Guten Tag,

Ihre Anfrage {{reference}} haben wir zum Teil erledigt:

{{summary}}

Dem übrigen Teil können wir nicht nachkommen.

Grund: {{grounds}}. Im Einzelnen:

{{reasons}}

{{complaintRight}}

{{judicialRemedy}}`,
    },
    en: {
      subject: "Answer to your request {{reference}}",
      body: `Hello,

We have acted on part of your request {{reference}}:

{{summary}}

We cannot act on the rest.

Ground: {{grounds}}. In detail:

{{reasons}}

{{complaintRight}}

{{judicialRemedy}}`,
    },
  },
  placeholders: { summary: { quoted: true }, ...refusalPlaceholders },
  required: [{ placeholder: "summary", part: "action_taken" }, ...refusalRequired],
  values: (v, l) => ({ summary: v.summary, ...refusalValues(v.refusal, l) }),
  link: (v, l) => ({ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }),
});
