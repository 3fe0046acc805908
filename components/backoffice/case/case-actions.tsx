// The forms for exactly the commands the viewer's role may run from the request's status (from
// lib/requests/workflow/rules.ts through the case file's `commands`); the actions check again.
import { getTranslations } from "next-intl/server";
import type { StaffViewer } from "@/lib/backoffice/access/staff-gate";
import type { CaseFile } from "@/lib/backoffice/case/load-case-file";
import { allMessages } from "@/lib/i18n/all-messages";
import type caseMessages from "@/lib/i18n/messages/backoffice/case.en.json";
import { CaseCommandForm } from "./case-command-form";

export async function CaseActions({
  file,
  viewer,
  locale,
  authority,
  reopenDays,
  done,
}: {
  file: CaseFile;
  viewer: StaffViewer;
  locale: "de" | "en";
  authority: string;
  /** REOPEN_DAYS, for the reopen form's words. */
  reopenDays: number;
  done: string | null;
}) {
  const [t, tRoles] = await Promise.all([
    getTranslations("backofficeCase.actions"),
    getTranslations("backoffice.roles"),
  ]);
  const assignees = file.assignees.map((a) => ({ id: a.id, label: `${a.name ?? a.email} (${tRoles(a.role)})` }));
  const mayTake = file.commands.includes("assign") && file.assignee?.id !== viewer.actor.userId;
  // Only the words these forms need go to the browser, with this page alone.
  const words = (allMessages[locale].backofficeCase as typeof caseMessages).actions;
  const common = { locale, reference: file.reference, version: file.version, words };
  return (
    <section aria-labelledby="case-actions" className="case-section" data-testid="case-actions">
      <h2 id="case-actions">{t("title")}</h2>
      {done ? (
        <div className="notice" role="status" data-testid="case-done">
          <p>{t("done", { step: t(`commands.${done as "assign"}`) })}</p>
        </div>
      ) : null}
      {file.commands.length === 0 ? (
        <p data-testid="case-no-actions">{viewer.actor.role === "auditor" ? t("auditor") : t("none")}</p>
      ) : (
        <div className="case-actions">
          {mayTake ? <CaseCommandForm {...common} command="assign" take /> : null}
          {file.commands.map((command) => (
            <CaseCommandForm
              key={command}
              {...common}
              command={command}
              assignees={command === "assign" ? assignees : undefined}
              currentAssigneeId={file.assignee?.id ?? null}
              authority={authority}
              reopenDays={reopenDays}
            />
          ))}
        </div>
      )}
    </section>
  );
}
