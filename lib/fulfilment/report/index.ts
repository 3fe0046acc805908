// The Art. 15 report of an access package: the information of Art. 15(1)(a)-(h) and 15(2) GDPR from the
// processing register for the categories found, as report.html and report.pdf in the subject's language.
export {
  AccessReportInputError,
  accessInformation,
  reportRights,
  type AccessInformation,
  type AccessInformationInput,
  type CategoryInformation,
  type FoundRecords,
  type ProcessingInformation,
  type RecipientInformation,
  type ReportRight,
  type RightInformation,
  type SystemFindings,
  type TransferInformation,
} from "./access-information";
export { renderReportHtml } from "./report-html";
export { renderReportPdf } from "./report-pdf";
