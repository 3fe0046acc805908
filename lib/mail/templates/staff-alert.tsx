// Alerts for the privacy team: a new request, the subject's answer or message or acceptance of a fee, a deadline
// coming up or passed. Short, with the reference and a link to the case.
import { z } from "zod";
import { formatDay } from "../../format";
import { requestTypeSchema, senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { SimpleMail } from "./simple-mail";
import { requestTypeLabel } from "./request-type-label";

const schema = z.object({
  sender: senderSchema,
  reference: z.string(),
  type: requestTypeSchema,
  dueDate: z.string(),
  url: z.url(),
  alert: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("new_request") }),
    z.object({ kind: z.literal("subject_responded") }),
    z.object({ kind: z.literal("subject_message") }),
    /** Art. 12(5)(a): the subject accepted the announced fee; the team tells them how to pay. */
    z.object({ kind: z.literal("fee_accepted") }),
    z.object({ kind: z.literal("due_soon"), daysLeft: z.number().int() }),
    z.object({ kind: z.literal("overdue"), daysOverdue: z.number().int() }),
  ]),
});
type Vars = z.infer<typeof schema>;

function headline(v: Vars, l: "de" | "en"): string {
  const a = v.alert;
  switch (a.kind) {
    case "new_request":
      return l === "de" ? `Neue Anfrage ${v.reference}` : `New request ${v.reference}`;
    case "subject_responded":
      return l === "de"
        ? `Antwort der betroffenen Person zu ${v.reference}`
        : `The data subject answered on ${v.reference}`;
    case "subject_message":
      return l === "de"
        ? `Neue Nachricht der betroffenen Person zu ${v.reference}`
        : `New message from the data subject on ${v.reference}`;
    case "fee_accepted":
      return l === "de"
        ? `Gebühr angenommen zu ${v.reference}: Zahlungsweg mitteilen`
        : `Fee accepted on ${v.reference}: tell the person how to pay`;
    case "due_soon":
      return l === "de"
        ? `${v.reference}: Frist in ${a.daysLeft} Tag(en)`
        : `${v.reference}: due in ${a.daysLeft} day(s)`;
    case "overdue":
      return l === "de"
        ? `${v.reference}: Frist seit ${a.daysOverdue} Tag(en) überschritten`
        : `${v.reference}: overdue by ${a.daysOverdue} day(s)`;
  }
}

export const staffAlert = defineTemplate({
  schema,
  subject: (v, l) => headline(v, l),
  body: (v, l) => (
    <SimpleMail
      language={l}
      sender={v.sender}
      preview={headline(v, l)}
      lines={[
        headline(v, l),
        l === "de"
          ? `${requestTypeLabel(v.type, "de")} · fällig am ${formatDay(v.dueDate, "de")}`
          : `${requestTypeLabel(v.type, "en")} · due ${formatDay(v.dueDate, "en")}`,
      ]}
      link={{ href: v.url, label: l === "de" ? "Im Backoffice öffnen" : "Open in the back office" }}
    />
  ),
});
