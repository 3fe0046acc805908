import { render, toPlainText } from "@react-email/render";
import type { MailLanguage } from "./templates/common";
import { templates, type TemplateName } from "./templates";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Validates the stored variables again (the row may be older than the code) and renders both parts from
 * one tree, rendered once: the text part is the HTML part converted, as render(…, { plainText: true })
 * would convert its own second rendering of the same tree (half the worker's time per mail went there).
 */
export async function renderMail(name: string, language: MailLanguage, variables: unknown): Promise<RenderedMail> {
  if (!(name in templates)) throw new Error(`unknown mail template "${name}"`);
  const template = templates[name as TemplateName];
  const parsed = template.schema.safeParse(variables);
  if (!parsed.success)
    throw new Error(
      `mail template "${name}": ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const values = parsed.data as never;
  const html = await render(template.body(values, language));
  return { subject: template.subject(values, language), html, text: toPlainText(html) };
}
