// manifest.json of an access package: what the package holds and each file's SHA-256, so the data subject
// (and scripts/export-verify.ts) can tell the copy they got is whole (Art. 15(3) GDPR; integrity, Art. 5(1)(f)).
// Pure.
import { z } from "zod";

export const MANIFEST_PATH = "manifest.json";
export const REPORT_PATH = "report.html";
/** The same report as PDF (lib/fulfilment/report/report-pdf.ts); in a package when the job renders it. */
export const REPORT_PDF_PATH = "report.pdf";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in lower-case hex");

export const manifestFileSchema = z.object({
  /** Path inside the ZIP, "/"-separated. */
  path: z.string().min(1),
  /** Size of the file's plain (uncompressed) bytes. */
  size: z.number().int().min(0),
  sha256: sha256Hex,
});

export const manifestSchema = z.object({
  format: z.literal("dsr-access-package"),
  version: z.literal(1),
  reference: z.string().min(1),
  language: z.enum(["de", "en"]),
  /** ISO 8601, UTC. */
  createdAt: z.iso.datetime(),
  files: z.array(manifestFileSchema),
  records: z.array(z.object({ system: z.string(), recordType: z.string(), records: z.number().int().min(0) })),
});

export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
