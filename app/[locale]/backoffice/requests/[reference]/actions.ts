"use server";
// The case file's forms (plain posts; they work without JavaScript): one action for every case
// command, since each form names its command and carries the request's version. Parsing here, the
// rules in lib/ (lib/backoffice/case, and the workflow, which checks the role again).
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import { isCaseCommand, mayEverRun, type CaseCommand } from "@/lib/backoffice/case/case-commands";
import { readCaseForm, type FormValues } from "@/lib/backoffice/case/case-forms";
import { previewNotice, runCaseCommand, type CaseStepError } from "@/lib/backoffice/case/run-case-command";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { portalFormat } from "@/lib/format/portal-format";
import { text } from "@/lib/input/schemas";
import { requestSettingsFromConfig } from "@/lib/requests/settings-from-config";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";

export interface CaseFormState {
  /** What was typed or chosen, to show again. */
  values: FormValues;
  /** Per field, the words of its error. */
  fieldErrors: Record<string, string>;
  /** The step's own failure, in words; `conflict` also gets the reload link. */
  formError: { code: CaseStepError["code"]; text: string } | null;
  /** Refusals: the notice as it would be sent, shown before "Send". */
  preview: { subject: string; text: string } | null;
}

const target = z.object({
  locale: z.enum(["de", "en"]),
  reference: text({ max: 40 }).pipe(z.string().min(1)),
  command: z.string().refine(isCaseCommand),
  version: z.coerce.number().int().min(0),
  step: z.enum(["preview", "send"]).optional(),
  take: z.literal("yes").optional(),
});

export async function runCaseStep(_previous: CaseFormState, received: FormData): Promise<CaseFormState> {
  const form = postedForm(received);
  const parsed = target.safeParse({
    locale: form.get("locale"),
    reference: form.get("reference"),
    command: form.get("command"),
    version: form.get("version"),
    step: form.get("step") ?? undefined,
    take: form.get("take") ?? undefined,
  });
  if (!parsed.success) notFound();
  const { locale, reference, version, step, take } = parsed.data;
  const command = parsed.data.command as CaseCommand;
  const path = `/${locale}/backoffice/requests/${encodeURIComponent(reference)}`;
  const viewer = await requireStaff(locale, "case.view", path);
  if (!mayEverRun(viewer.actor.role, command)) notFound();
  const t = await getTranslations({ locale, namespace: "backofficeCase.actions" });

  const read = readCaseForm(command, take ? { getAll: () => [viewer.actor.userId] } : form);
  if (!read.ok) {
    const fieldErrors = Object.fromEntries(
      Object.entries(read.errors).map(([field, code]) => [field, t(`fieldErrors.${code}`)]),
    );
    return { values: read.values, fieldErrors, formError: null, preview: null };
  }
  const settings = requestSettingsFromConfig(appConfig());
  const asks = read.command;
  if ((asks.name === "refuse" || asks.name === "partially_complete") && step !== "send") {
    const preview = await previewNotice(db(), viewer, reference, asks, settings);
    if (!preview) notFound();
    return { values: read.values, fieldErrors: {}, formError: null, preview };
  }
  const client = await clientContext();
  const result = await runCaseCommand(db(), viewer, reference, asks, settings, {
    expectedVersion: version,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  if (result.ok) redirect(`${path}?done=${command}#case-actions`);
  return { values: read.values, fieldErrors: {}, formError: errorWords(result.error, t, locale), preview: null };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"backofficeCase.actions">>>;

function errorWords(error: CaseStepError, t: Translate, locale: "de" | "en"): CaseFormState["formError"] {
  const format = portalFormat(locale);
  if (error.code === "conflict") return { code: error.code, text: t("conflict") };
  switch (error.code) {
    case "already_extended":
      return {
        code: error.code,
        text: t("errors.already_extended", { date: format.date(new Date(error.extendedAt)) }),
      };
    case "extension_too_late":
      return { code: error.code, text: t("errors.extension_too_late", { date: format.day(error.firstDue) }) };
    case "open_fulfilment_tasks":
      return { code: error.code, text: t("errors.open_fulfilment_tasks", { count: error.open }) };
    case "reopen_window_closed":
      return {
        code: error.code,
        text: t("errors.reopen_window_closed", {
          closed: format.date(new Date(error.closedAt)),
          until: format.dateTime(new Date(error.until)),
          days: error.days,
        }),
      };
    default:
      return { code: error.code, text: t(`errors.${error.code}`) };
  }
}
