// content/data-categories.ts: the kinds of personal data the controller processes. Register entries
// and access requests (lib/requests/details) name them by id.
import { z } from "zod";
import { kebabId, localized, reportDuplicates } from "./common";

export const dataCategorySchema = z.strictObject({
  id: kebabId,
  label: localized,
  /** What exactly belongs to the category, in a few words; shown where a label alone could be unclear. */
  description: localized.optional(),
});

export const dataCategoriesFileSchema = z
  .strictObject({ categories: z.array(dataCategorySchema).min(1) })
  .superRefine((file, ctx) =>
    reportDuplicates(
      ctx,
      file.categories,
      (c) => c.id,
      (i) => ["categories", i, "id"],
      "data category id",
    ),
  );

export type DataCategory = z.output<typeof dataCategorySchema>;
export type DataCategoriesFileInput = z.input<typeof dataCategoriesFileSchema>;
