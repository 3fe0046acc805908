// The DPO's template steps for the current request: the staff gate first (a data access layer that
// checks itself), then the step. Server-only: the editor's server actions call these.
import "server-only";
import { db } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import { clientContext } from "../../security/client-context";
import { requireStaff } from "../access/staff-gate";
import type { NoticeKey } from "./notice-catalogue";
import type { NoticeTextContext } from "./notice-texts";

/** Where the editor of `key` lives (the gate returns there after sign-in). */
export function noticeEditorPath(locale: Locale, key: NoticeKey): string {
  return `/${locale}/backoffice/templates/${key.action}/${key.scope}/${key.language}`;
}

/** The context of a template step by the signed-in DPO; anyone else never gets here (404 or sign-in). */
export async function noticeTextContext(locale: Locale, key: NoticeKey): Promise<NoticeTextContext> {
  const viewer = await requireStaff(locale, "templates.edit", noticeEditorPath(locale, key));
  return { db: db(), actor: viewer.actor, client: await clientContext(), now: new Date() };
}
