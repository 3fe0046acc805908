// content/register.ts: the processing register. One entry per processing activity of the statement,
// with everything Art. 13/14 and Art. 15(1) ask for; requests and access reports refer to entries by id.
// References to other files (categories, recipients, versions) are checked in validate-content.ts.
import { z } from "zod";
import { requestTypes } from "../../requests/request-types";
import { legalBasisCodes, requestTypeRule } from "../legal-bases";
import { countryCode, kebabId, localized, reportDuplicates, versionId } from "./common";

/** Chapter V GDPR: what makes a transfer outside the EEA lawful. */
export const transferSafeguards = [
  "adequacy-decision", // Art. 45
  "standard-contractual-clauses", // Art. 46(2)(c)
  "binding-corporate-rules", // Art. 46(2)(b), 47
  "explicit-consent", // Art. 49(1)(a)
] as const;
export type TransferSafeguard = (typeof transferSafeguards)[number];

/** Where the data come from (Art. 14(2)(f), 15(1)(g)). */
export const dataSources = ["data-subject", "automatic", "third-party"] as const;
export type DataSource = (typeof dataSources)[number];

const legalBasisSchema = z.strictObject({
  code: z.enum(legalBasisCodes),
  /** When this basis applies, if the entry has more than one (e.g. contract-related enquiries only). */
  applies: localized.optional(),
  /** Art. 13(1)(d): the interests pursued; required for 6(1)(f). */
  legitimateInterest: localized.optional(),
});

const transferSchema = z.strictObject({
  recipient: kebabId,
  country: countryCode,
  safeguard: z.enum(transferSafeguards),
});

const automatedDecisionSchema = z.discriminatedUnion("occurs", [
  z.strictObject({ occurs: z.literal(false) }),
  // Art. 13(2)(f), 15(1)(h): meaningful information about the logic and the consequences.
  z.strictObject({ occurs: z.literal(true), logic: localized, consequences: localized }),
]);

export const registerEntrySchema = z
  .strictObject({
    id: kebabId,
    name: localized,
    dataCategories: z.array(kebabId).min(1),
    purposes: z.array(localized).min(1),
    /** Empty only where another controller processes under its own responsibility (independentControllers). */
    legalBases: z.array(legalBasisSchema),
    retention: z.strictObject({
      rule: localized,
      /** Copies in backups are gone at the latest this many days after the data. */
      backupDays: z.int().min(1).max(3650).optional(),
    }),
    /** Recipient ids from content/recipients.ts; empty when nobody else receives the data. */
    recipients: z.array(kebabId),
    thirdCountryTransfers: z.array(transferSchema),
    sources: z.array(z.enum(dataSources)).min(1),
    automatedDecisionMaking: automatedDecisionSchema,
    /** Request types a person can use for this processing (lib/requests/request-types.ts). */
    requestTypes: z.array(z.enum(requestTypes)),
    /**
     * Recipient ids of controllers that process these data under their own responsibility (an app
     * store): the statement informs about it, but requests about it go to them, not to us.
     */
    independentControllers: z.array(kebabId).optional(),
    /** The first version whose register has this entry (default: the first version). */
    introducedIn: versionId.optional(),
    /** The first version whose register no longer has it. */
    removedIn: versionId.optional(),
  })
  .superRefine((entry, ctx) => {
    reportDuplicates(
      ctx,
      entry.dataCategories,
      (c) => c,
      (i) => ["dataCategories", i],
      "data category",
    );
    reportDuplicates(
      ctx,
      entry.recipients,
      (r) => r,
      (i) => ["recipients", i],
      "recipient",
    );
    reportDuplicates(
      ctx,
      entry.requestTypes,
      (t) => t,
      (i) => ["requestTypes", i],
      "request type",
    );
    reportDuplicates(
      ctx,
      entry.legalBases,
      (b) => b.code,
      (i) => ["legalBases", i, "code"],
      "legal basis",
    );

    const independent = (entry.independentControllers ?? []).length > 0;
    if (independent) {
      if (entry.legalBases.length > 0)
        ctx.addIssue({
          code: "custom",
          path: ["legalBases"],
          message: "must be empty: independent controllers name their own legal basis",
        });
      if (entry.requestTypes.length > 0)
        ctx.addIssue({
          code: "custom",
          path: ["requestTypes"],
          message: "must be empty: requests about this processing go to the independent controllers",
        });
      return;
    }
    if (entry.legalBases.length === 0) {
      ctx.addIssue({ code: "custom", path: ["legalBases"], message: "needs at least one legal basis (Art. 6(1))" });
      return;
    }
    entry.legalBases.forEach((basis, i) => {
      if (basis.code === "f" && !basis.legitimateInterest)
        ctx.addIssue({
          code: "custom",
          path: ["legalBases", i, "legitimateInterest"],
          message: "is required for Art. 6(1)(f): name the interest pursued (Art. 13(1)(d))",
        });
      if (basis.code !== "f" && basis.legitimateInterest)
        ctx.addIssue({
          code: "custom",
          path: ["legalBases", i, "legitimateInterest"],
          message: "belongs only to Art. 6(1)(f)",
        });
      if (entry.legalBases.length > 1 && !basis.applies)
        ctx.addIssue({
          code: "custom",
          path: ["legalBases", i, "applies"],
          message: "is required when an entry has more than one legal basis: say when this one applies",
        });
    });
    const codes = entry.legalBases.map((b) => b.code);
    for (const type of requestTypes) {
      const rule = requestTypeRule(type, codes);
      const index = entry.requestTypes.indexOf(type);
      if (index >= 0 && !rule.allowed)
        ctx.addIssue({
          code: "custom",
          path: ["requestTypes", index],
          message: `"${type}" does not apply with legal basis ${codes.join(", ")}: ${rule.reason}`,
        });
      if (index < 0 && rule.required)
        ctx.addIssue({ code: "custom", path: ["requestTypes"], message: `must include "${type}": ${rule.reason}` });
    }
  });

export const registerFileSchema = z
  .strictObject({ entries: z.array(registerEntrySchema).min(1) })
  .superRefine((file, ctx) =>
    reportDuplicates(
      ctx,
      file.entries,
      (e) => e.id,
      (i) => ["entries", i, "id"],
      "register entry id",
    ),
  );

export type RegisterEntry = z.output<typeof registerEntrySchema>;
export type RegisterFileInput = z.input<typeof registerFileSchema>;
export type LegalBasis = RegisterEntry["legalBases"][number];
export type ThirdCountryTransfer = RegisterEntry["thirdCountryTransfers"][number];
