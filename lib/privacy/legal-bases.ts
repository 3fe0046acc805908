// Which rights a processing's legal basis gives (GDPR): access (Art. 15) concerns every processing;
// portability (Art. 20(1)(a)) only consent or contract; objection (Art. 21(1)) only public task or
// legitimate interests; withdrawal (Art. 7(3)) only consent. The register is checked against this table.
import type { RequestType } from "../requests/request-types";

/** Art. 6(1) GDPR, points (a) to (f). */
export const legalBasisCodes = ["a", "b", "c", "d", "e", "f"] as const;
export type LegalBasisCode = (typeof legalBasisCodes)[number];

export interface RequestTypeRule {
  /** The basis gives the right, so the register may offer the request type. */
  allowed: boolean;
  /** The right always exists here, so the register must offer it. */
  required: boolean;
  /** Why, for the content check's message. */
  reason: string;
}

const basisGives = (bases: readonly LegalBasisCode[], codes: readonly LegalBasisCode[]) =>
  bases.some((b) => codes.includes(b));

export function requestTypeRule(type: RequestType, bases: readonly LegalBasisCode[]): RequestTypeRule {
  switch (type) {
    case "access":
      return { allowed: true, required: true, reason: "the right of access (Art. 15) covers every processing" };
    case "rectification":
    case "erasure":
    case "restriction":
      return { allowed: true, required: false, reason: "" };
    case "portability": {
      const allowed = basisGives(bases, ["a", "b"]);
      return { allowed, required: false, reason: "portability (Art. 20(1)(a)) needs consent (a) or contract (b)" };
    }
    case "objection": {
      const allowed = basisGives(bases, ["e", "f"]);
      return {
        allowed,
        required: allowed,
        reason: "objection (Art. 21(1)) exists exactly where the basis is public task (e) or legitimate interests (f)",
      };
    }
    case "consent_withdrawal": {
      const allowed = basisGives(bases, ["a"]);
      return {
        allowed,
        required: allowed,
        reason: "withdrawal (Art. 7(3)) exists exactly where the basis is consent (a)",
      };
    }
  }
}
