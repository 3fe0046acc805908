"use server";
// The DPO's template editor (plain posts; they work without JavaScript). Parsing here, rules and
// authorisation in lib/backoffice/templates/.
import { notFound, redirect } from "next/navigation";
import { parseNoticeKey, type NoticeKey } from "@/lib/backoffice/templates/notice-catalogue";
import { previewNoticeText } from "@/lib/backoffice/templates/notice-preview";
import { noticeTextErrors, noticeTextForm, type NoticeTextErrors } from "@/lib/backoffice/templates/notice-text-form";
import { noticeEditorPath, noticeTextContext } from "@/lib/backoffice/templates/notice-text-steps";
import { saveNoticeText } from "@/lib/backoffice/templates/notice-texts";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { postedForm } from "@/lib/security/posted-form";
import { NOTICE_BODY_MAX, NOTICE_NOTE_MAX, NOTICE_SUBJECT_MAX } from "@/lib/backoffice/templates/notice-text-limits";

export interface NoticeEditorState {
  errors: NoticeTextErrors & { form?: { code: string; params: Record<string, string> } };
  values: { subject: string; body: string; note: string };
  /** The preview of the text as typed, when asked for (intent "preview"); null otherwise. */
  preview: { subject: string; text: string } | null;
}

const field = (form: FormData, name: string, max: number) => {
  const value = form.get(name);
  // Twice the limit: the schema names a text that is too long; beyond that the post is no form's.
  return typeof value === "string" ? value.slice(0, max * 2) : "";
};

function posted(received: FormData): { locale: Locale; key: NoticeKey; form: FormData } {
  const form = postedForm(received);
  const locale = form.get("locale");
  const key = parseNoticeKey(String(form.get("action")), String(form.get("scope")), String(form.get("language")));
  if (!isLocale(locale) || !key) notFound();
  return { locale, key, form };
}

/** Preview (intent "preview") or save (intent "save") the typed text; a save goes back to the editor with its notice. */
export async function saveNoticeTextAction(
  _previous: NoticeEditorState,
  received: FormData,
): Promise<NoticeEditorState> {
  const { locale, key, form } = posted(received);
  const context = await noticeTextContext(locale, key);
  const values = {
    subject: field(form, "subject", NOTICE_SUBJECT_MAX),
    body: field(form, "body", NOTICE_BODY_MAX),
    note: field(form, "note", NOTICE_NOTE_MAX),
  };
  const parsed = noticeTextForm(key.action).safeParse(values);
  if (!parsed.success) return { errors: noticeTextErrors(parsed.error), values, preview: null };
  const preview = await previewNoticeText(key, parsed.data);
  if (form.get("intent") !== "save") {
    return { errors: {}, values, preview: { subject: preview.subject, text: preview.text } };
  }
  const result = await saveNoticeText(context, key, parsed.data);
  if (!result.ok) return { errors: { form: { code: result.reason, params: {} } }, values, preview: null };
  redirect(`${noticeEditorPath(locale, key)}?notice=saved`);
}

/** "Back to default": a new version carrying the shipped text. */
export async function restoreNoticeTextAction(received: FormData): Promise<void> {
  const { locale, key } = posted(received);
  const context = await noticeTextContext(locale, key);
  const result = await saveNoticeText(context, key, { restore: true, note: "" });
  redirect(`${noticeEditorPath(locale, key)}?${result.ok ? "notice=restored" : `error=${result.reason}`}`);
}
