// Art. 12(5)(a) GDPR: the controller plans to charge a reasonable fee for a manifestly unfounded or
// excessive request. Announced before anything is charged (EDPB Guidelines 01/2022): the amount, the
// reasons, and the two choices (accept, or withdraw the request) on the case page. Paying is arranged by
// the team afterwards; the portal takes no payment.
import { z } from "zod";
import { formatEuro } from "../../format";
import { defineNotice, noticeBase } from "./define-notice";

const schema = z.object({
  ...noticeBase,
  /** Whole euro cents. */
  amountCents: z.number().int().positive(),
  reasons: z.string(),
  caseUrl: z.url(),
});

export const feeNotice = defineNotice({
  schema,
  defaults: {
    de: {
      subject: "Gebühr für Ihre Anfrage {{reference}}",
      body: `Guten Tag,

Anfragen zu Ihren Daten sind normalerweise kostenlos. Ihre Anfrage {{reference}} halten wir aber für offenkundig unbegründet oder exzessiv. Dann dürfen wir nach Art. 12 Abs. 5 DSGVO eine angemessene Gebühr verlangen: {{amount}}.

Unsere Gründe:

{{reasons}}

Noch ist nichts zu zahlen. Sie haben die Wahl: Sie können die Gebühr auf Ihrer Vorgangsseite annehmen, dann bearbeiten wir Ihre Anfrage weiter und sagen Ihnen, wie Sie zahlen. Oder Sie ziehen Ihre Anfrage zurück, dann kostet sie nichts.

Wenn Sie unsere Einschätzung nicht teilen, schreiben Sie uns auf der Vorgangsseite oder wenden Sie sich an die Aufsichtsbehörde (Art. 77 DSGVO).`,
    },
    en: {
      subject: "A fee for your request {{reference}}",
      body: `Hello,

Requests about your data are normally free of charge. We consider your request {{reference}}, however, to be manifestly unfounded or excessive. In that case Art. 12(5) GDPR allows us to charge a reasonable fee: {{amount}}.

Our reasons:

{{reasons}}

You do not have to pay anything yet. You can choose: accept the fee on your case page, and we will continue with your request and tell you how to pay. Or withdraw your request, and it costs nothing.

If you disagree with our view, write to us on the case page or contact the supervisory authority (Art. 77 GDPR).`,
    },
  },
  placeholders: { amount: {}, reasons: { quoted: true } },
  required: [
    { placeholder: "amount", part: "fee_amount" },
    { placeholder: "reasons", part: "fee_reasons" },
  ],
  values: (v, l) => ({ amount: formatEuro(v.amountCents, l), reasons: v.reasons }),
  link: (v, l) => ({
    href: v.caseUrl,
    label: l === "de" ? "Vorgang ansehen und entscheiden" : "View your case and decide",
  }),
});
