// A closed case was taken up again (REOPEN_DAYS after closing at most): the subject is told, with the
// reason. The original period of Art. 12(3) still applies; reopening does not give the team more time.
import { z } from "zod";
import { defineNotice, noticeBase } from "./define-notice";

const schema = z.object({ ...noticeBase, reason: z.string(), caseUrl: z.url() });

export const reopenNotice = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Ihre Anfrage {{reference}} wird wieder bearbeitet",
      body: `Guten Tag,

wir haben Ihre Anfrage {{reference}} abgeschlossen, bearbeiten sie aber jetzt noch einmal. Der Grund:

{{reopenReason}}

Sie müssen nichts tun. Wir melden uns, sobald wir fertig sind.`,
    },
    en: {
      subject: "We are working on your request {{reference}} again",
      body: `Hello,

We had closed your request {{reference}}, but we are now working on it again. The reason:

{{reopenReason}}

You do not need to do anything. We will get back to you once we are done.`,
    },
  },
  // The variable keeps its name ("reason") so that a mail queued before this text existed still renders.
  placeholders: { reopenReason: { quoted: true } },
  required: [{ placeholder: "reopenReason", part: "reopen_reason" }],
  values: (v) => ({ reopenReason: v.reason }),
  link: (v, l) => ({ href: v.caseUrl, label: l === "de" ? "Vorgang ansehen" : "View your case" }),
});
