// Art. 12(4): the reasons, the right to complain to a supervisory authority (Art. 77) and the right
// to a judicial remedy (Art. 79): the three parts every refusal carries. Their legal sentences are
// the values of placeholders the editor refuses to let go (lib/backoffice/templates/), so an edited
// text can move them, never drop or reword them.
import { z } from "zod";
import type { Bilingual, MailLanguage } from "./common";
import type { RequiredPart } from "./define-notice";

export const authoritySchema = z.object({ name: z.string(), address: z.string() });

export const refusalVariables = z.object({
  grounds: z.array(z.string()),
  legalBasis: z.array(z.string()),
  reasons: z.string(),
  authority: authoritySchema,
});

const groundLabels: Bilingual<Record<string, string>> = {
  de: {
    manifestly_unfounded: "offenkundig unbegründet (Art. 12 Abs. 5 DSGVO)",
    excessive: "exzessiv, etwa wiederholt gestellt (Art. 12 Abs. 5 DSGVO)",
    identity_not_confirmed: "Ihre Identität ließ sich nicht bestätigen (Art. 11 Abs. 2, Art. 12 Abs. 6 DSGVO)",
    legal_exception: "eine gesetzliche Ausnahme greift",
    rights_of_others: "Rechte anderer Personen wären beeinträchtigt (Art. 15 Abs. 4, Art. 20 Abs. 4 DSGVO)",
  },
  en: {
    manifestly_unfounded: "manifestly unfounded (Art. 12(5) GDPR)",
    excessive: "excessive, for example repetitive (Art. 12(5) GDPR)",
    identity_not_confirmed: "we could not confirm your identity (Art. 11(2), Art. 12(6) GDPR)",
    legal_exception: "a legal exception applies",
    rights_of_others: "the rights of other people would be harmed (Art. 15(4), Art. 20(4) GDPR)",
  },
};

/** "name, address"; the name alone where the DPO wrote the authority in one field (address empty). */
const named = (a: z.infer<typeof authoritySchema>) => [a.name, a.address].filter(Boolean).join(", ").replace(/\.$/, "");

const remedies: Bilingual<{ complaint: (a: z.infer<typeof authoritySchema>) => string; court: string }> = {
  de: {
    complaint: (a) =>
      `Sind Sie mit dieser Entscheidung nicht einverstanden, können Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO). Zuständig ist: ${named(a)}.`,
    court: "Außerdem können Sie gerichtlich gegen uns vorgehen (Art. 79 DSGVO).",
  },
  en: {
    complaint: (a) =>
      `If you disagree with this decision, you may complain to a data protection supervisory authority (Art. 77 GDPR). The authority responsible is: ${named(a)}.`,
    court: "You may also take legal action against us in court (Art. 79 GDPR).",
  },
};

/** The refusal's placeholders; `reasons` is quoted (the team's own words). */
export const refusalPlaceholders = {
  grounds: {},
  reasons: { quoted: true },
  complaintRight: {},
  judicialRemedy: {},
  authorityName: {},
  authorityAddress: {},
} as const;

/** The placeholders no refusal text may drop (Art. 12(4) with Art. 77 and Art. 79). */
export const refusalRequired: readonly RequiredPart[] = [
  { placeholder: "grounds", part: "refusal_grounds" },
  { placeholder: "reasons", part: "refusal_reasons" },
  { placeholder: "complaintRight", part: "complaint_right" },
  { placeholder: "judicialRemedy", part: "judicial_remedy" },
];

/** The values of refusalPlaceholders for `refusal` in `language`. */
export function refusalValues(refusal: z.infer<typeof refusalVariables>, language: MailLanguage) {
  const grounds = refusal.grounds.map((g) => groundLabels[language][g] ?? g).join("; ");
  const basis = refusal.legalBasis.length ? ` (${refusal.legalBasis.join(", ")})` : "";
  return {
    grounds: `${grounds}${basis}`,
    reasons: refusal.reasons,
    complaintRight: remedies[language].complaint(refusal.authority),
    judicialRemedy: remedies[language].court,
    authorityName: refusal.authority.name,
    authorityAddress: refusal.authority.address,
  };
}
