// content/versions.ts: every published version of the statement. A version has ONE effective
// date; its id is that date's month, and the text may not claim another (lib/privacy/statement/date-mentions.ts).
import { z } from "zod";
import { localized, reportDuplicates, versionId } from "./common";

const isoDate = z.iso.date({ error: 'must be a date like "2023-07-01"' });

export const versionSchema = z
  .strictObject({
    id: versionId,
    /** The day this text took effect, in the controller's time zone. */
    effective: isoDate,
    title: localized,
    /** What changed against the version before, for the versions page (both languages). */
    summary: localized,
  })
  .superRefine((version, ctx) => {
    if (!version.effective.startsWith(`${version.id}-`)) {
      ctx.addIssue({
        code: "custom",
        path: ["effective"],
        message: `${version.effective} is not in the month of the version id ${version.id}`,
      });
    }
  });

export const versionsFileSchema = z
  .strictObject({ versions: z.array(versionSchema).min(1) })
  .superRefine((file, ctx) => {
    reportDuplicates(
      ctx,
      file.versions,
      (v) => v.id,
      (i) => ["versions", i, "id"],
      "version id",
    );
    file.versions.forEach((v, i) => {
      const previous = file.versions[i - 1];
      if (previous && previous.effective >= v.effective) {
        ctx.addIssue({
          code: "custom",
          path: ["versions", i, "effective"],
          message: `versions must be listed oldest first: ${v.effective} is not after ${previous.effective}`,
        });
      }
    });
  });

export type StatementVersion = z.output<typeof versionSchema>;
export type VersionsFileInput = z.input<typeof versionsFileSchema>;
