// The notices the DPO may edit, and for what: every mail template that is a notice (it carries a
// NoticeDefinition, lib/mail/templates/define-notice.tsx), per request type or for all types, per
// language. A new notice appears here by being defined with defineNotice and listed in the
// templates table. Pure.
import { templates, type TemplateName } from "../../mail/templates";
import { languageSchema, type MailLanguage } from "../../mail/templates/common";
import { commonPlaceholders, type NoticeDefinition } from "../../mail/templates/define-notice";
import type { NoticeText } from "../../mail/templates/notice-text";
import { ALL_TYPES } from "../../mail/outbox/current-notice-text";
import { requestTypes, type RequestType } from "../../requests/request-types";

/** The template names of the editable notices, in the templates table's order. */
export const noticeActions = (Object.keys(templates) as TemplateName[]).filter((name) => templates[name].notice);

/** "all" (every type without its own text) or one request type. */
export type NoticeScope = typeof ALL_TYPES | RequestType;
export const noticeScopes: readonly NoticeScope[] = [ALL_TYPES, ...requestTypes];
export const noticeLanguages = languageSchema.options;

/** One editable text: which notice, for which requests, in which language. */
export interface NoticeKey {
  action: TemplateName;
  scope: NoticeScope;
  language: MailLanguage;
}

/** `key` if each part names an editable notice, scope and language; else null (the page answers 404). */
export function parseNoticeKey(action: string, scope: string, language: string): NoticeKey | null {
  const found = noticeActions.find((a) => a === action);
  const s = noticeScopes.find((x) => x === scope);
  const l = noticeLanguages.find((x) => x === language);
  return found && s && l ? { action: found, scope: s, language: l } : null;
}

export function noticeDefinition(action: TemplateName): NoticeDefinition {
  const notice = templates[action].notice;
  if (!notice) throw new Error(`"${action}" is no editable notice`);
  return notice;
}

/** The shipped words of `action` in `language`. */
export function defaultNoticeText(action: TemplateName, language: MailLanguage): NoticeText {
  return noticeDefinition(action).defaults[language];
}

/** Every placeholder `action` offers: the common ones first, then its own. */
export function placeholdersOf(action: TemplateName): string[] {
  return [...commonPlaceholders, ...Object.keys(noticeDefinition(action).placeholders)];
}

/** Placeholders holding free text someone wrote (reasons, summaries, questions): body only, as a quote. */
export function quotedPlaceholdersOf(action: TemplateName): string[] {
  return Object.entries(noticeDefinition(action).placeholders)
    .filter(([, spec]) => spec.quoted)
    .map(([name]) => name);
}
