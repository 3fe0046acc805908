import type { ReactElement } from "react";
import type { z } from "zod";
import type { MailLanguage } from "./common";
import type { NoticeDefinition } from "./define-notice";
import type { NoticeText } from "./notice-text";

/** One mail: its typed variables, its subject and its body, in both languages from one source. */
export interface MailTemplate<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  /** `text`: a notice's edited words (ignored by mails that are no notice); without it, the shipped ones. */
  subject: (variables: z.output<Schema>, language: MailLanguage, text?: NoticeText) => string;
  body: (variables: z.output<Schema>, language: MailLanguage, text?: NoticeText) => ReactElement;
  /** Set for a notice to the data subject whose words the DPO may edit (lib/backoffice/templates/). */
  notice?: NoticeDefinition;
}

export function defineTemplate<Schema extends z.ZodType>(template: MailTemplate<Schema>): MailTemplate<Schema> {
  return template;
}
