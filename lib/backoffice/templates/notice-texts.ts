// The versioned notice texts (issue 13): read for the list and the editor, written by the DPO.
// Versions are only ever added: a save is version n+1, "back to default" is version n+1 carrying
// the shipped words; no edit overwrites an old one, so the case file can always show which words
// a mail carried (OutboundMail.noticeTextId). Each save is an entry on the system audit chain, in
// the same transaction (Art. 5(2) accountability). Every function checks the viewer's capability
// itself (templates.view / templates.edit) and returns null or "forbidden" without it.
import type { Db } from "../../db/client";
import { appendSystemAuditEntry, inSystemChainTransaction } from "../../audit/append-system-entry";
import { ALL_TYPES } from "../../mail/outbox/current-notice-text";
import type { NoticeText } from "../../mail/templates/notice-text";
import type { StaffRole } from "../../requests/workflow/actor";
import type { ClientContext } from "../../security/client-context";
import { may } from "../access/capabilities";
import { defaultNoticeText, noticeActions, type NoticeKey, type NoticeScope } from "./notice-catalogue";
import type { NoticeTextInput } from "./notice-text-form";

export interface NoticeTextVersion {
  id: string;
  version: number;
  subject: string;
  body: string;
  note: string | null;
  restored: boolean;
  author: string;
  createdAt: Date;
}

/** The list's cell: the newest version of one (action, scope, language), or none (shipped words in use). */
export interface NoticeTextSummary {
  action: string;
  scope: string;
  language: "de" | "en";
  version: number;
  author: string;
  createdAt: Date;
}

const authorName = (u: { name: string | null; email: string }) => u.name ?? u.email;

/** The newest version of every text that has one; null without templates.view. */
export async function listNoticeTexts(db: Db, role: StaffRole): Promise<NoticeTextSummary[] | null> {
  if (!may(role, "templates.view")) return null;
  const rows = await db.noticeTextVersion.findMany({
    where: { action: { in: noticeActions } },
    orderBy: [{ action: "asc" }, { requestType: "asc" }, { language: "asc" }, { version: "desc" }],
    select: {
      action: true,
      requestType: true,
      language: true,
      version: true,
      createdAt: true,
      author: { select: { name: true, email: true } },
    },
  });
  const newest = new Map<string, NoticeTextSummary>();
  for (const r of rows) {
    const key = `${r.action}/${r.requestType}/${r.language}`;
    if (!newest.has(key))
      newest.set(key, {
        action: r.action,
        scope: r.requestType,
        language: r.language,
        version: r.version,
        author: authorName(r.author),
        createdAt: r.createdAt,
      });
  }
  return [...newest.values()];
}

export interface NoticeTextFile {
  key: NoticeKey;
  /** Versions of this key, newest first. */
  versions: NoticeTextVersion[];
  /** The text a mail gets now: the newest version, else the text for all types, else the shipped one. */
  current: NoticeText;
  /** Where `current` comes from. */
  source: "own" | "all_types" | "default";
  defaults: NoticeText;
}

/** Everything the editor shows for `key`; null without templates.view. */
export async function loadNoticeText(db: Db, role: StaffRole, key: NoticeKey): Promise<NoticeTextFile | null> {
  if (!may(role, "templates.view")) return null;
  const versions = await versionsOf(db, key.action, key.scope, key.language);
  const defaults = defaultNoticeText(key.action, key.language);
  const inherited =
    versions.length === 0 && key.scope !== ALL_TYPES
      ? (await versionsOf(db, key.action, ALL_TYPES, key.language))[0]
      : undefined;
  const own = versions[0];
  return {
    key,
    versions,
    current: own ?? inherited ?? defaults,
    source: own ? "own" : inherited ? "all_types" : "default",
    defaults,
  };
}

async function versionsOf(db: Db, action: string, scope: NoticeScope, language: "de" | "en") {
  const rows = await db.noticeTextVersion.findMany({
    where: { action, requestType: scope, language },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      subject: true,
      body: true,
      note: true,
      restored: true,
      createdAt: true,
      author: { select: { name: true, email: true } },
    },
  });
  return rows.map(({ author, ...r }) => ({ ...r, author: authorName(author) }));
}

export interface NoticeTextContext {
  db: Db;
  actor: { type: "staff"; userId: string; role: StaffRole };
  client: ClientContext;
  now: Date;
}

export type SaveNoticeTextResult = { ok: true; version: number } | { ok: false; reason: "forbidden" };

/**
 * Adds version n+1 of `key` with `input` (already checked by noticeTextForm), or with the shipped
 * words when `restore` is set, and its entry on the system audit chain ("notice_text_saved"), in
 * one transaction on that chain (concurrent saves take turns; (action, type, language, version) is
 * unique besides). Only the DPO (templates.edit).
 */
export async function saveNoticeText(
  context: NoticeTextContext,
  key: NoticeKey,
  input: NoticeTextInput | { restore: true; note: string },
): Promise<SaveNoticeTextResult> {
  if (!may(context.actor.role, "templates.edit")) return { ok: false, reason: "forbidden" };
  const restored = "restore" in input;
  const text = restored ? defaultNoticeText(key.action, key.language) : input;
  const version = await inSystemChainTransaction(context.db, async (tx) => {
    const newest = await tx.noticeTextVersion.findFirst({
      where: { action: key.action, requestType: key.scope, language: key.language },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const created = await tx.noticeTextVersion.create({
      data: {
        action: key.action,
        requestType: key.scope,
        language: key.language,
        version: (newest?.version ?? 0) + 1,
        subject: text.subject,
        body: text.body,
        note: input.note || null,
        restored,
        authorId: context.actor.userId,
        createdAt: context.now,
      },
      select: { id: true, version: true },
    });
    await appendSystemAuditEntry(tx, {
      actor: context.actor,
      event: "notice_text_saved",
      details: {
        action: key.action,
        requestType: key.scope,
        language: key.language,
        version: created.version,
        versionId: created.id,
        restored,
      },
      ip: context.client.ip,
      userAgent: context.client.userAgent,
      createdAt: context.now,
    });
    return created.version;
  });
  return { ok: true, version };
}
