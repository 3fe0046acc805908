import type { ReactElement } from "react";
import type { z } from "zod";
import type { MailLanguage } from "./common";

/** One mail: its typed variables, its subject and its body, in both languages from one source. */
export interface MailTemplate<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  subject: (variables: z.output<Schema>, language: MailLanguage) => string;
  body: (variables: z.output<Schema>, language: MailLanguage) => ReactElement;
}

export function defineTemplate<Schema extends z.ZodType>(template: MailTemplate<Schema>): MailTemplate<Schema> {
  return template;
}
