"use server";
// The queue's server actions: thin (parse, ask the gate, call lib/, redirect back to the view).
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { isBackofficePath, requireStaff } from "@/lib/backoffice/access/staff-gate";
import { applyBulk, BULK_LIMIT, mayBulk, type BulkAction } from "@/lib/backoffice/queue/bulk";
import { matchingIds } from "@/lib/backoffice/queue/queue-page";
import { parseQueueView } from "@/lib/backoffice/queue/queue-view";
import { revealSubject } from "@/lib/backoffice/reveal/reveal-subject";
import { appConfig } from "@/lib/config/app-config";
import { requestSettingsFromConfig } from "@/lib/requests/settings-from-config";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { text } from "@/lib/input/schemas";
import { clientContext } from "@/lib/security/client-context";

const revealForm = z.object({
  locale: z.string().refine(isLocale),
  requestId: text({ max: 64 }).pipe(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  returnTo: text({ max: 2_048 }),
});

/** The path to go back to: the view the form was on, or the queue itself. */
function backTo(locale: Locale, value: string, extra?: Record<string, string>): string {
  const path = isBackofficePath(value, locale) ? value : `/${locale}/backoffice`;
  if (!extra) return path;
  const url = new URL(path, "http://portal.invalid");
  for (const [name, v] of Object.entries(extra)) url.searchParams.set(name, v);
  return `${url.pathname}${url.search}`;
}

/**
 * Reveals one subject's address to the signed-in staff member ("subject.reveal": a second factor
 * proven within 15 minutes, requireStaff sends to the TOTP page otherwise) and returns to the view,
 * which then shows the address to them (read back from the audit entry, lib/backoffice/reveal).
 */
export async function revealSubjectAction(form: FormData): Promise<void> {
  const parsed = revealForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect("/");
  const locale = parsed.data.locale as Locale;
  const returnTo = backTo(locale, parsed.data.returnTo);
  const viewer = await requireStaff(locale, "subject.reveal", returnTo);
  const outcome = await revealSubject(db(), viewer, parsed.data.requestId, await clientContext());
  redirect(outcome.ok ? returnTo : backTo(locale, returnTo, { revealError: outcome.code }));
}

const bulkForm = z.object({
  locale: z.string().refine(isLocale),
  returnTo: text({ max: 2_048 }),
  scope: z.enum(["selected", "all"]),
  action: z.enum(["assign", "withdraw_duplicate"]),
  assigneeId: text({ max: 64 }).optional(),
  requestId: z.array(text({ max: 64 })).max(BULK_LIMIT),
});

/**
 * Assigns the chosen requests (ticked on the page, or all matching the view, at most BULK_LIMIT) or
 * withdraws them as duplicates: one transitionRequest per case (lib/backoffice/queue/bulk.ts), which
 * checks the role against the workflow's rules for each. Returns to the view with the counts.
 */
export async function bulkAction(form: FormData): Promise<void> {
  const parsed = bulkForm.safeParse({
    ...Object.fromEntries(form),
    requestId: form.getAll("requestId").filter((v): v is string => typeof v === "string"),
  });
  if (!parsed.success) redirect("/");
  const locale = parsed.data.locale as Locale;
  const returnTo = backTo(locale, parsed.data.returnTo);
  const viewer = await requireStaff(locale, "queue.view", returnTo);
  const action: BulkAction =
    parsed.data.action === "assign"
      ? { kind: "assign", assigneeId: parsed.data.assigneeId ?? "" }
      : { kind: "withdraw_duplicate" };
  if (!mayBulk(viewer, action.kind)) notFound();
  if (action.kind === "assign" && !action.assigneeId) redirect(backTo(locale, returnTo, { bulkError: "noAssignee" }));
  const config = appConfig();
  const ids =
    parsed.data.scope === "all"
      ? await matchingIds(
          db(),
          viewer,
          { ...parseQueueView(new URL(returnTo, "http://portal.invalid").searchParams).view, page: null },
          config.deadlinePolicy.timeZone,
          new Date(),
          BULK_LIMIT,
        )
      : parsed.data.requestId;
  if (!ids.length) redirect(backTo(locale, returnTo, { bulkError: "noneSelected" }));
  const outcome = await applyBulk(db(), viewer, action, ids, requestSettingsFromConfig(config), await clientContext());
  redirect(backTo(locale, returnTo, { bulkDone: String(outcome.done), bulkRefused: String(outcome.refused.length) }));
}
