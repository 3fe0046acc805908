// What the request workflow needs to know about its surroundings: how deadlines
// are counted, and who the mails come from and point to.
import type { WorkflowContext } from "./workflow/snapshot";

export interface MailSettings {
  publicUrl: string;
  portalName: { de: string; en: string };
  controllerName: string;
  dpoEmail: string;
  /** The supervisory authority named in every refusal (Art. 12(4), Art. 77). */
  authority: { name: { de: string; en: string }; address: string };
}

export type RequestSettings = Omit<WorkflowContext, "now"> & {
  mail: MailSettings;
  /** Where attachment files live; minimising a request deletes its files there. */
  attachmentsDir: string;
};

/** The sender block every mail carries, in the mail's language. */
export function mailSender(mail: MailSettings, language: "de" | "en") {
  return {
    portalName: mail.portalName[language],
    portalUrl: mail.publicUrl,
    controllerName: mail.controllerName,
    dpoEmail: mail.dpoEmail,
  };
}
