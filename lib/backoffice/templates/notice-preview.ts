// The editor's preview: the notice rendered from a text (saved or not yet) with the sample variables
// of lib/mail/templates/samples.ts, through the very renderer the outbox uses.
import { renderMail, type RenderedMail } from "../../mail/render-mail";
import type { NoticeText } from "../../mail/templates/notice-text";
import { samples } from "../../mail/templates/samples";
import { ALL_TYPES } from "../../mail/outbox/current-notice-text";
import type { NoticeKey } from "./notice-catalogue";

/** `text` for `key` as the subject would receive it, with sample values (a type's own scope names that type). */
export async function previewNoticeText(key: NoticeKey, text: NoticeText): Promise<RenderedMail> {
  const sample = samples[key.action] as Record<string, unknown>;
  const variables = {
    ...sample,
    subjectName: "Anna Beispiel",
    ...(key.scope === ALL_TYPES ? {} : { type: key.scope }),
  };
  return renderMail(key.action, key.language, variables, text);
}
