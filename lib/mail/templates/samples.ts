// Example variables for every mail template, one set each: what the tests render (the required
// content, the action button, the quotation marks) and what a developer can preview a mail with.
import type { TemplateName, TemplateVariables } from "./index";

export const sender = {
  portalName: "Datenschutz-Portal",
  portalUrl: "https://privacy.demo.example",
  controllerName: "ilert GmbH",
  dpoEmail: "dsb@secjur.example",
};
export const caseUrl = "https://privacy.demo.example/de/my/requests/DSR-2026-000042";
export const signInUrl =
  "https://privacy.demo.example/api/auth/callback/email?callbackUrl=%2Fde%2Fmy%2Frequests&token=abc123&email=anna%40demo.example";
export const authority = {
  name: "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)",
  address: "Kavalleriestraße 2-4, 40213 Düsseldorf",
};
const refusal = {
  grounds: ["legal_exception"],
  legalBasis: ["Art. 17(3)(b) GDPR"],
  reasons: "Invoices must be kept for ten years (§ 147 AO).",
  authority,
};

export const samples: { [N in TemplateName]: TemplateVariables<N> } = {
  acknowledgement: {
    sender,
    reference: "DSR-2026-000042",
    type: "access",
    receivedDate: "2026-11-02",
    dueDate: "2026-12-02",
    caseUrl,
  },
  extension_notice: {
    sender,
    reference: "DSR-2026-000042",
    dueDate: "2027-02-02",
    reason: "Four systems hold your data.",
    caseUrl,
  },
  information_request: {
    sender,
    reference: "DSR-2026-000042",
    reason: "identity",
    message: "Which customer number?",
    caseUrl,
  },
  refusal: { sender, reference: "DSR-2026-000042", refusal, caseUrl },
  partial_completion: { sender, reference: "DSR-2026-000042", summary: "Account erased.", refusal, caseUrl },
  completion: { sender, reference: "DSR-2026-000042", summary: "Copy sent.", caseUrl },
  withdrawal_confirmation: { sender, reference: "DSR-2026-000042" },
  message_notice: { sender, reference: "DSR-2026-000042", caseUrl },
  fee_notice: {
    sender,
    reference: "DSR-2026-000042",
    amountCents: 2_500,
    reasons: "The sixth identical request since October, each answered in full.",
    caseUrl,
  },
  reopen_notice: {
    sender,
    reference: "DSR-2026-000042",
    reason: "Our copy left out the newsletter data.",
    caseUrl,
  },
  staff_alert: {
    sender,
    reference: "DSR-2026-000042",
    type: "erasure",
    dueDate: "2026-12-02",
    url: "https://privacy.demo.example/en/backoffice/requests/DSR-2026-000042",
    alert: { kind: "due_soon", daysLeft: 2 },
  },
  staff_invitation: {
    sender,
    url: "https://privacy.demo.example/en/sign-in?callbackUrl=%2Fen%2Fbackoffice",
    role: "privacy_team",
    invitedBy: "admin@demo.example",
  },
  sign_in_link: {
    sender,
    url: signInUrl,
    expires: "2026-11-27T09:30:00.000Z",
    validHours: 24,
    timeZone: "Europe/Berlin",
  },
  confirm_request: {
    sender,
    type: "erasure",
    url: signInUrl,
    expires: "2026-11-27T09:30:00.000Z",
    validHours: 24,
    expiryDays: 7,
    timeZone: "Europe/Berlin",
  },
};
