// The team wrote to the subject on the case page. The mail says only that, with the
// link: mail is less safe than the signed-in page, so the words stay there.
import { z } from "zod";
import { defineNotice, noticeBase } from "./define-notice";

const schema = z.object({ ...noticeBase, caseUrl: z.url() });

export const messageNotice = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Neue Nachricht zu Ihrer Anfrage {{reference}}",
      body: `Guten Tag,

wir haben Ihnen zu Ihrer Anfrage {{reference}} eine Nachricht geschrieben. Sie lesen sie nach der Anmeldung auf Ihrer Vorgangsseite; aus Sicherheitsgründen steht sie nicht in dieser E-Mail.`,
    },
    en: {
      subject: "New message about your request {{reference}}",
      body: `Hello,

We have written you a message about your request {{reference}}. You can read it on your case page after signing in; for your security it is not in this email.`,
    },
  },
  placeholders: {},
  values: () => ({}),
  link: (v, l) => ({ href: v.caseUrl, label: l === "de" ? "Nachricht lesen" : "Read the message" }),
});
