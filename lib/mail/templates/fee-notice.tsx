// Art. 12(5)(a) GDPR: the controller plans to charge a reasonable fee for a manifestly unfounded or
// excessive request. Announced before anything is charged (EDPB Guidelines 01/2022): the amount, the
// reasons, and the two choices (accept, or withdraw the request) on the case page. Paying is arranged by
// the team afterwards; the portal takes no payment.
import { z } from "zod";
import { formatEuro } from "../../format";
import { senderSchema } from "./common";
import { defineTemplate } from "./define-template";
import { SimpleMail } from "./simple-mail";

const schema = z.object({
  sender: senderSchema,
  reference: z.string(),
  /** Whole euro cents. */
  amountCents: z.number().int().positive(),
  reasons: z.string(),
  caseUrl: z.url(),
});

export const feeNotice = defineTemplate({
  schema,
  subject: (v, l) => (l === "de" ? `Gebühr für Ihre Anfrage ${v.reference}` : `A fee for your request ${v.reference}`),
  body: (v, l) =>
    l === "de" ? (
      <SimpleMail
        language={l}
        sender={v.sender}
        preview={`Wir möchten ${formatEuro(v.amountCents, "de")} berechnen`}
        lines={[
          `Anfragen zu Ihren Daten sind normalerweise kostenlos. Ihre Anfrage ${v.reference} halten wir aber für offenkundig unbegründet oder exzessiv. Dann dürfen wir nach Art. 12 Abs. 5 DSGVO eine angemessene Gebühr verlangen: ${formatEuro(v.amountCents, "de")}.`,
          "Unsere Gründe:",
        ]}
        quoted={v.reasons}
        afterQuote={[
          "Noch ist nichts zu zahlen. Sie haben die Wahl: Sie können die Gebühr auf Ihrer Vorgangsseite annehmen, dann bearbeiten wir Ihre Anfrage weiter und sagen Ihnen, wie Sie zahlen. Oder Sie ziehen Ihre Anfrage zurück, dann kostet sie nichts.",
          "Wenn Sie unsere Einschätzung nicht teilen, schreiben Sie uns auf der Vorgangsseite oder wenden Sie sich an die Aufsichtsbehörde (Art. 77 DSGVO).",
        ]}
        link={{ href: v.caseUrl, label: "Vorgang ansehen und entscheiden" }}
      />
    ) : (
      <SimpleMail
        language={l}
        sender={v.sender}
        preview={`We would like to charge ${formatEuro(v.amountCents, "en")}`}
        lines={[
          `Requests about your data are normally free of charge. We consider your request ${v.reference}, however, to be manifestly unfounded or excessive. In that case Art. 12(5) GDPR allows us to charge a reasonable fee: ${formatEuro(v.amountCents, "en")}.`,
          "Our reasons:",
        ]}
        quoted={v.reasons}
        afterQuote={[
          "You do not have to pay anything yet. You can choose: accept the fee on your case page, and we will continue with your request and tell you how to pay. Or withdraw your request, and it costs nothing.",
          "If you disagree with our view, write to us on the case page or contact the supervisory authority (Art. 77 GDPR).",
        ]}
        link={{ href: v.caseUrl, label: "View your case and decide" }}
      />
    ),
});
