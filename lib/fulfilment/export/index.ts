// The data subject's access package (Art. 15(3), Art. 20(1) GDPR): what the export job, the download route
// and the verifier use. Design and limits: docs/export-package.md.
export { isEncryptedPackage, openPackage, PackageDecryptionError } from "./encryption";
export {
  MANIFEST_PATH,
  REPORT_PATH,
  REPORT_PDF_PATH,
  manifestSchema,
  type Manifest,
  type ManifestFile,
} from "./manifest";
export { verifyPackage, type VerifyResult } from "./verify-package";
export {
  ExportInputError,
  writeAccessPackage,
  type AccessPackageResult,
  type ExportProgress,
  type ExportSource,
  type ReportFiles,
  type SourceCount,
  type WriteAccessPackageOptions,
} from "./write-package";
