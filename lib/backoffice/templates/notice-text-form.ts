// What the DPO may save as a notice's text (issue 13). Pure (zod), shared by the editor's server
// action and its tests. Refused, each with a message naming what is wrong:
// - a placeholder the notice does not know, or a malformed one (it would reach the subject as typed);
// - a placeholder holding free text in the subject line (it may span lines; it belongs in the body);
// - a text that drops a placeholder carrying a part the law requires, e.g. a refusal without the
//   complaint right (Art. 77) or the judicial remedy (Art. 79) that Art. 12(4) demands, an extension
//   without its reason and new due date (Art. 12(3)), a request for information without the
//   question (Art. 12(6));
// - texts out of bounds. Every text runs through the input normaliser first (lib/input).
import { z } from "zod";
import type { TemplateName } from "../../mail/templates";
import { malformedTokensIn, placeholdersIn } from "../../mail/templates/notice-text";
import { requiredText, text } from "../../input/schemas";
import { noticeDefinition, placeholdersOf, quotedPlaceholdersOf } from "./notice-catalogue";

import { NOTICE_BODY_MAX, NOTICE_NOTE_MAX, NOTICE_SUBJECT_MAX } from "./notice-text-limits";

export { NOTICE_BODY_MAX, NOTICE_NOTE_MAX, NOTICE_SUBJECT_MAX };

/** Message codes of the editor's refusals (lib/i18n/messages/backoffice/templates.*.json "errors"). */
export type NoticeTextIssue =
  | { code: "unknown_placeholder"; names: string }
  | { code: "malformed_placeholder"; tokens: string }
  | { code: "quoted_in_subject"; names: string }
  | { code: "missing_part"; placeholder: string; part: string };

const issue = (ctx: z.RefinementCtx, path: "subject" | "body", params: NoticeTextIssue) =>
  ctx.addIssue({ code: "custom", path: [path], message: params.code, params });

/** The editor's form for `action`: subject, body and an optional note on the change. */
export function noticeTextForm(action: TemplateName) {
  const known = new Set(placeholdersOf(action));
  const quoted = new Set(quotedPlaceholdersOf(action));
  const required = noticeDefinition(action).required;
  return z
    .object({
      subject: requiredText({ max: NOTICE_SUBJECT_MAX }),
      body: requiredText({ max: NOTICE_BODY_MAX, multiline: true }),
      note: text({ max: NOTICE_NOTE_MAX }),
    })
    .superRefine((value, ctx) => {
      for (const field of ["subject", "body"] as const) {
        const malformed = malformedTokensIn(value[field]);
        if (malformed.length) issue(ctx, field, { code: "malformed_placeholder", tokens: malformed.join(", ") });
        const unknown = placeholdersIn(value[field]).filter((name) => !known.has(name));
        if (unknown.length)
          issue(ctx, field, { code: "unknown_placeholder", names: unknown.map((n) => `{{${n}}}`).join(", ") });
      }
      const inSubject = placeholdersIn(value.subject).filter((name) => quoted.has(name));
      if (inSubject.length)
        issue(ctx, "subject", { code: "quoted_in_subject", names: inSubject.map((n) => `{{${n}}}`).join(", ") });
      const inBody = new Set(placeholdersIn(value.body));
      for (const part of required) {
        if (!inBody.has(part.placeholder))
          issue(ctx, "body", { code: "missing_part", placeholder: `{{${part.placeholder}}}`, part: part.part });
      }
    });
}
export type NoticeTextInput = z.output<ReturnType<typeof noticeTextForm>>;

/** Per field, the first refusal: its code and the params its message names. */
export type NoticeTextErrors = Partial<
  Record<"subject" | "body" | "note", { code: string; params: Record<string, string> }>
>;

/** The issues of a failed parse, the first per field, for the editor to show. */
export function noticeTextErrors(error: z.ZodError): NoticeTextErrors {
  const errors: NoticeTextErrors = {};
  for (const i of error.issues) {
    const field = i.path[0];
    if (field !== "subject" && field !== "body" && field !== "note") continue;
    const raw = (i as { params?: Record<string, unknown> }).params ?? {};
    const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
    if (i.code === "too_big") params.max = String((i as { maximum?: number | bigint }).maximum ?? "");
    errors[field] ??= { code: i.message, params };
  }
  return errors;
}
