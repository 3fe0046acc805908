// Every mail the portal sends, by name. The outbox stores the name and the
// variables; lib/mail/render-mail.ts turns them into subject, HTML and text.
import type { z } from "zod";
import { acknowledgement } from "./acknowledgement";
import { completion } from "./completion";
import { confirmRequest } from "./confirm-request";
import { extensionNotice } from "./extension-notice";
import { feeNotice } from "./fee-notice";
import { informationRequest } from "./information-request";
import { messageNotice } from "./message-notice";
import { partialCompletion } from "./partial-completion";
import { refusal } from "./refusal";
import { reopenNotice } from "./reopen-notice";
import { signInLink } from "./sign-in-link";
import { staffAlert } from "./staff-alert";
import { staffInvitation } from "./staff-invitation";
import { withdrawalConfirmation } from "./withdrawal-confirmation";

export const templates = {
  acknowledgement,
  extension_notice: extensionNotice,
  information_request: informationRequest,
  refusal,
  partial_completion: partialCompletion,
  completion,
  withdrawal_confirmation: withdrawalConfirmation,
  fee_notice: feeNotice,
  reopen_notice: reopenNotice,
  message_notice: messageNotice,
  staff_alert: staffAlert,
  staff_invitation: staffInvitation,
  sign_in_link: signInLink,
  confirm_request: confirmRequest,
};

export type TemplateName = keyof typeof templates;
export type TemplateVariables<N extends TemplateName> = z.input<(typeof templates)[N]["schema"]>;
