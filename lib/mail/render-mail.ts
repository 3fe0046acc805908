import { render, toPlainText } from "@react-email/render";
import type { MailLanguage } from "./templates/common";
import type { NoticeText } from "./templates/notice-text";
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
 * `text`: a notice's edited words (the version recorded when it was queued); without it, the shipped words.
 */
export async function renderMail(
  name: string,
  language: MailLanguage,
  variables: unknown,
  text?: NoticeText,
): Promise<RenderedMail> {
  if (!(name in templates)) throw new Error(`unknown mail template "${name}"`);
  const template = templates[name as TemplateName];
  const parsed = template.schema.safeParse(variables);
  if (!parsed.success)
    throw new Error(
      `mail template "${name}": ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const values = parsed.data as never;
  const html = await render(template.body(values, language, text));
  return { subject: template.subject(values, language, text), html, text: toPlainText(html) };
}
