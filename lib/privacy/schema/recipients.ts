// content/recipients.ts: everyone personal data go to (Art. 13(1)(e)). A processor acts on the
// controller's instructions (Art. 28); an independent controller decides for itself, so requests
// about its processing go to it.
import { z } from "zod";
import { countryCode, httpsUrl, kebabId, localized, postalAddress, reportDuplicates } from "./common";

export const recipientKinds = ["processor", "independent-controller"] as const;
export type RecipientKind = (typeof recipientKinds)[number];

export const recipientSchema = z.strictObject({
  id: kebabId,
  kind: z.enum(recipientKinds),
  name: localized,
  /** What the recipient does for the controller, in a few words. */
  role: localized,
  address: postalAddress.optional(),
  /** Where the recipient processes the data; a country outside the EEA needs a transfer safeguard wherever it is used. */
  country: countryCode.optional(),
  /** Its privacy notice or, for a group of sub-processors, the published list. */
  url: httpsUrl.optional(),
});

export const recipientsFileSchema = z
  .strictObject({ recipients: z.array(recipientSchema).min(1) })
  .superRefine((file, ctx) => {
    reportDuplicates(
      ctx,
      file.recipients,
      (r) => r.id,
      (i) => ["recipients", i, "id"],
      "recipient id",
    );
    file.recipients.forEach((r, i) => {
      if (r.address && r.country && r.address.country !== r.country) {
        ctx.addIssue({
          code: "custom",
          path: ["recipients", i, "country"],
          message: `is ${r.country} but the address is in ${r.address.country}`,
        });
      }
    });
  });

export type Recipient = z.output<typeof recipientSchema>;
export type RecipientsFileInput = z.input<typeof recipientsFileSchema>;
