// Art. 12(3): the information on the action taken on the request.
import { z } from "zod";
import { defineNotice, noticeBase } from "./define-notice";

const schema = z.object({ ...noticeBase, summary: z.string(), caseUrl: z.url() });

export const completion = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Ihre Anfrage {{reference}} ist erledigt",
      body: `Guten Tag,

wir haben Ihre Anfrage {{reference}} erledigt:

{{summary}}

Haben Sie noch Fragen, schreiben Sie uns auf Ihrer Vorgangsseite.`,
    },
    en: {
      subject: "Your request {{reference}} is done",
      body: `Hello,

We have completed your request {{reference}}:

{{summary}}

If you have any questions, write to us on your case page.`,
    },
  },
  placeholders: { summary: { quoted: true } },
  required: [{ placeholder: "summary", part: "action_taken" }],
  values: (v) => ({ summary: v.summary }),
  link: (v, l) => ({ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }),
});
