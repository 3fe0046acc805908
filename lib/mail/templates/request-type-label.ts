import de from "../../i18n/messages/de.json";
import en from "../../i18n/messages/en.json";
import type { RequestType } from "../../requests/request-types";
import type { MailLanguage } from "./common";

/** The right's name as the portal's pages say it, e.g. "Auskunft (Art. 15 DSGVO)". */
export function requestTypeLabel(type: RequestType, language: MailLanguage): string {
  const right = (language === "de" ? de : en).home.rights[type];
  return `${right.title} (${right.article})`;
}
