import "@/components/backoffice/templates/templates.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { restoreNoticeTextAction } from "@/app/[locale]/backoffice/templates/actions";
import { NoticeEditor, type NoticeEditorText } from "@/components/backoffice/templates/notice-editor";
import { NoticePreview, type NoticePreviewText } from "@/components/backoffice/templates/notice-preview";
import { may } from "@/lib/backoffice/access/capabilities";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import { noticeDefinition, parseNoticeKey, placeholdersOf } from "@/lib/backoffice/templates/notice-catalogue";
import { noticeLabels } from "@/lib/backoffice/templates/notice-labels";
import { previewNoticeText } from "@/lib/backoffice/templates/notice-preview";
import { noticeEditorPath } from "@/lib/backoffice/templates/notice-text-steps";
import { loadNoticeText } from "@/lib/backoffice/templates/notice-texts";
import { db } from "@/lib/db/client";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";

type Props = PageProps<"/[locale]/backoffice/templates/[action]/[scope]/[language]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, action, scope, language } = await params;
  const key = parseNoticeKey(action, scope, language);
  if (!isLocale(locale) || !key) return {};
  const labels = await noticeLabels(locale);
  return {
    title: `${labels.action(key.action)} · ${labels.scope(key.scope)} · ${labels.language(key.language)}`,
  };
}

const notices = ["saved", "restored"] as const;
const errorCodes = [
  "required",
  "too_long",
  "control_character",
  "invisible_character",
  "broken_character",
  "line_break",
  "unknown_placeholder",
  "malformed_placeholder",
  "quoted_in_subject",
  "missing_part",
  "forbidden",
  "invalid",
] as const;

/**
 * One notice text (issue 13): the DPO edits it with a preview and saves it as a new version; roles
 * that may only view read it. Its versions, and any one of them (?version=n), to read.
 */
export default async function NoticeTextPage({ params, searchParams }: Props) {
  const { locale, action, scope, language } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const key = parseNoticeKey(action, scope, language) ?? notFound();
  const viewer = await requireStaff(locale, "templates.view", noticeEditorPath(locale, key));
  const file = (await loadNoticeText(db(), viewer.actor.role, key)) ?? notFound();
  const labels = await noticeLabels(locale);
  const { t } = labels;
  const format = portalFormat(locale);
  const canEdit = may(viewer.actor.role, "templates.edit");
  const query = await searchParams;
  const notice = notices.find((n) => n === query.notice);
  const refused = query.error === "forbidden";
  const shown = file.versions.find((v) => String(v.version) === query.version);
  const preview = await previewNoticeText(key, file.current);
  const previewBox: NoticePreviewText = {
    title: t("editor.previewTitle"),
    hint: t("editor.previewHint"),
    subject: t("editor.previewSubject"),
  };
  const required = new Map(noticeDefinition(key.action).required.map((r) => [r.placeholder, r.part]));
  // Each message formatted here with its params left as "{name}", for the editor to fill from the
  // refusal it gets (a missing part by its name in partNames).
  const slots = Object.fromEntries(["names", "tokens", "placeholder", "part", "max"].map((n) => [n, `{${n}}`]));
  const editorErrors = Object.fromEntries(errorCodes.map((code) => [code, t(`errors.${code}`, slots)]));
  const partNames = Object.fromEntries([...required.values()].map((part) => [part, t(`parts.${part}`)]));
  const editorText: NoticeEditorText = {
    subject: t("editor.subject"),
    body: t("editor.body"),
    bodyHint: t("editor.bodyHint"),
    note: t("editor.note"),
    preview: t("editor.preview"),
    save: t("editor.save"),
    saving: t("editor.saving"),
    previewUnsaved: t("editor.previewUnsaved"),
    previewBox,
    errors: editorErrors,
    partNames,
  };
  const hidden = { locale, action: key.action, scope: key.scope, language: key.language };
  const names = {
    action: labels.action(key.action),
    scope: labels.scope(key.scope),
    language: labels.language(key.language),
  };
  return (
    <div className="container section">
      <p>
        <Link href={`/${locale}/backoffice/templates`}>{t("editor.back")}</Link>
      </p>
      <h1>{t("editor.title", names)}</h1>
      {notice ? (
        <div className="notice" role="status" data-testid="template-notice">
          <p>{t(`notices.${notice}`)}</p>
        </div>
      ) : null}
      {refused ? (
        <div className="callout callout--warning" role="alert">
          <p>{t("errors.forbidden")}</p>
        </div>
      ) : null}
      <p data-testid="template-source">
        {file.source === "own"
          ? t("editor.sourceOwn", { version: file.versions[0]!.version })
          : file.source === "all_types"
            ? t("editor.sourceAllTypes")
            : t("editor.sourceDefault")}
      </p>
      {canEdit ? null : <p className="callout">{t("readOnly")}</p>}

      {shown ? (
        <section aria-labelledby="old-version-title" data-testid="template-old-version">
          <h2 id="old-version-title">
            {t("editor.oldVersionTitle", {
              version: shown.version,
              date: format.dateTime(shown.createdAt),
              author: shown.author,
            })}
          </h2>
          <p className="muted">{t("editor.oldVersionHint")}</p>
          <NoticeTextBlock subjectLabel={t("editor.subject")} bodyLabel={t("editor.body")} text={shown} />
        </section>
      ) : canEdit ? (
        <NoticeEditor hidden={hidden} initial={file.current} initialPreview={preview} text={editorText} />
      ) : (
        <section aria-labelledby="current-text-title">
          <h2 id="current-text-title">{t("editor.currentText")}</h2>
          <NoticeTextBlock subjectLabel={t("editor.subject")} bodyLabel={t("editor.body")} text={file.current} />
        </section>
      )}
      {canEdit && !shown ? null : (
        <NoticePreview preview={shown ? await previewNoticeText(key, shown) : preview} text={previewBox} />
      )}

      <section className="notice-placeholders" aria-labelledby="placeholders-title">
        <h2 id="placeholders-title">{t("editor.placeholders")}</h2>
        <p className="muted">{t("editor.placeholdersHint")}</p>
        <dl className="meta-list">
          {placeholdersOf(key.action).map((name) => {
            const part = required.get(name);
            return (
              <div key={name}>
                <dt>
                  <code>{`{{${name}}}`}</code>
                </dt>
                <dd>
                  {t.has(`placeholderHelp.${name}`) ? t(`placeholderHelp.${name}`) : null}
                  {part ? (
                    <>
                      {" "}
                      <strong>{t("editor.requiredPart", { part: t(`parts.${part}`) })}</strong>
                    </>
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      {canEdit && file.versions.length > 0 ? (
        <form action={restoreNoticeTextAction} className="form-card" aria-labelledby="restore-title">
          <h2 id="restore-title">{t("editor.restoreTitle")}</h2>
          <p className="muted">{t("editor.restoreHint")}</p>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="button button--secondary">
            {t("editor.restore")}
          </button>
        </form>
      ) : null}

      <section className="notice-history" aria-labelledby="history-title">
        <h2 id="history-title">{t("editor.historyTitle")}</h2>
        {file.versions.length === 0 ? (
          <p>{t("editor.historyNone")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="history-caption" tabIndex={0}>
            <table className="data-table" data-testid="template-history">
              <caption id="history-caption">{t("editor.historyCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("editor.colVersion")}</th>
                  <th scope="col">{t("editor.colWhen")}</th>
                  <th scope="col">{t("editor.colWho")}</th>
                  <th scope="col">{t("editor.colNote")}</th>
                </tr>
              </thead>
              <tbody>
                {file.versions.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link
                        href={`${noticeEditorPath(locale, key)}?version=${v.version}`}
                        aria-current={shown?.id === v.id ? "page" : undefined}
                      >
                        {t("editor.viewVersion", { version: v.version })}
                      </Link>
                    </th>
                    <td>{format.dateTime(v.createdAt)}</td>
                    <td>{v.author}</td>
                    <td>{v.restored ? t("editor.restored") : (v.note ?? "")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** A stored text as written, placeholders and all. */
function NoticeTextBlock({
  subjectLabel,
  bodyLabel,
  text,
}: {
  subjectLabel: string;
  bodyLabel: string;
  text: { subject: string; body: string };
}) {
  return (
    <dl className="meta-list">
      <div>
        <dt>{subjectLabel}</dt>
        <dd data-testid="template-subject">{text.subject}</dd>
      </div>
      <div>
        <dt>{bodyLabel}</dt>
        <dd>
          <pre className="notice-text" data-testid="template-body">
            {text.body}
          </pre>
        </dd>
      </div>
    </dl>
  );
}
