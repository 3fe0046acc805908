import "@/components/backoffice/case/case.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CaseActions } from "@/components/backoffice/case/case-actions";
import { CaseDeadline } from "@/components/backoffice/case/case-deadline";
import { CaseFiles } from "@/components/backoffice/case/case-files";
import { CaseNotes } from "@/components/backoffice/case/case-notes";
import { CaseThread } from "@/components/backoffice/case/case-thread";
import { CaseTimeline } from "@/components/backoffice/case/case-timeline";
import { CaseFulfilment } from "@/components/backoffice/case/case-fulfilment";
import { CaseMails } from "@/components/backoffice/case/case-work";
import { SubjectRevealSlot } from "@/components/backoffice/case/subject-reveal-slot";
import { may } from "@/lib/backoffice/access/capabilities";
import { revealedSubjects } from "@/lib/backoffice/reveal/reveal-subject";
import { RequestDetails } from "@/components/my-requests/request-details";
import { WithReferences } from "@/components/ui/reference";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import { isCaseCommand } from "@/lib/backoffice/case/case-commands";
import { loadCaseFile } from "@/lib/backoffice/case/load-case-file";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";
import { authorityPrefill } from "@/lib/requests/mails-for-event";
import { requestSettingsFromConfig } from "@/lib/requests/settings-from-config";

export const dynamic = "force-dynamic";

/** The task steps' error codes the panel has words for (anything else in the URL reads as not possible). */
const taskErrorCodes = ["not_found", "conflict", "not_possible_now", "note_required", "note_too_long", "note_invalid"];

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/backoffice/requests/[reference]">): Promise<Metadata> {
  const { locale, reference } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "backofficeCase" });
  return { title: t("metaTitle", { reference: reference.slice(0, 40) }) };
}

/** One request, everything staff may know about it, and the steps the viewer's role may take now (issue 13). */
export default async function CaseFilePage({
  params,
  searchParams,
}: PageProps<"/[locale]/backoffice/requests/[reference]">) {
  const { locale, reference } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireStaff(
    locale,
    "case.view",
    `/${locale}/backoffice/requests/${encodeURIComponent(reference)}`,
  );
  const file = await loadCaseFile(db(), viewer, reference, appConfig().deadlinePolicy);
  if (!file) notFound();
  const query = await searchParams;
  const done = query.done;
  const taskDone = query.task === "retried" || query.task === "not_applicable" ? query.task : null;
  const taskError =
    typeof query.taskError === "string" && typeof query.taskId === "string"
      ? { code: taskErrorCodes.find((c) => c === query.taskError) ?? "not_possible_now", taskId: query.taskId }
      : null;
  const [t, tStatus, tHome] = await Promise.all([
    getTranslations("backofficeCase"),
    getTranslations("backofficeCase.statuses"),
    getTranslations("home"),
  ]);
  const format = portalFormat(locale);
  const authority = requestSettingsFromConfig(appConfig()).mail.authority;

  return (
    <div className="container section case-file" data-testid="case-file">
      <header>
        <h1>
          <WithReferences text={t("title", { reference: file.reference })} />
        </h1>
        <dl className="meta-list" data-testid="case-summary" aria-label={t("summary.label")}>
          <dt>{t("summary.type")}</dt>
          <dd>
            {tHome(`rights.${file.type}.title` as "rights.access.title")} (
            {tHome(`rights.${file.type}.article` as "rights.access.article")})
          </dd>
          <dt>{t("summary.status")}</dt>
          <dd data-testid="case-status">{tStatus(file.status as "received")}</dd>
          <dt>{t("summary.subject")}</dt>
          <dd>
            <SubjectRevealSlot
              locale={locale}
              requestId={file.id}
              reference={file.reference}
              masked={file.subjectMasked}
              revealed={(await revealedSubjects(db(), viewer, [file.id])).get(file.id) ?? null}
              mayReveal={may(viewer.actor.role, "subject.reveal")}
              returnTo={`/${locale}/backoffice/requests/${encodeURIComponent(file.reference)}`}
            />
          </dd>
          {file.subjectName ? (
            <>
              <dt>{t("summary.subjectName")}</dt>
              <dd>{file.subjectName}</dd>
            </>
          ) : null}
          <dt>{t("summary.language")}</dt>
          <dd>{t(`languages.${file.language}`)}</dd>
          <dt>{t("summary.assignee")}</dt>
          <dd data-testid="case-assignee">
            {file.assignee ? (file.assignee.name ?? file.assignee.email) : t("summary.nobody")}
          </dd>
          <dt>{t("summary.submitted")}</dt>
          <dd>{format.dateTime(file.submittedAt)}</dd>
          {file.closedAt ? (
            <>
              <dt>{t("summary.closed")}</dt>
              <dd>{format.dateTime(file.closedAt)}</dd>
            </>
          ) : null}
        </dl>
        {file.duplicateOf ? (
          <p className="callout">
            <WithReferences text={t("summary.duplicateOf", { reference: file.duplicateOf })} />
          </p>
        ) : null}
        {file.minimised ? <p className="callout">{t("summary.minimised")}</p> : null}
      </header>

      <div className="case-file__grid">
        <div className="case-file__main">
          <RequestDetails type={file.type} details={file.details} locale={locale} />
          <section aria-labelledby="verification-title" className="case-section" data-testid="case-verification">
            <h2 id="verification-title">{t("verification.title")}</h2>
            <ul>
              <li>
                {file.verification.confirmedAt
                  ? t("verification.confirmed", { date: format.dateTime(file.verification.confirmedAt) })
                  : t("verification.unconfirmed")}
              </li>
              <li>{file.verification.linkedAccount ? t("verification.account") : t("verification.noAccount")}</li>
              <li>{t("verification.identityRequests", { count: file.verification.identityRequests })}</li>
            </ul>
            <p className="field__hint">{t("verification.identityHint")}</p>
          </section>
          <CaseDeadline deadline={file.deadline} locale={locale} />
          <CaseThread thread={file.thread} locale={locale} />
          <CaseNotes notes={file.notes} locale={locale} />
          <CaseFiles files={file.attachments} locale={locale} />
          <CaseFulfilment
            file={file}
            locale={locale}
            mayAct={may(viewer.actor.role, "task.act")}
            done={taskDone}
            error={taskError}
          />
          <CaseMails mails={file.mails} locale={locale} />
          <CaseTimeline file={file} locale={locale} />
        </div>
        <div className="case-file__side">
          <CaseActions
            file={file}
            viewer={viewer}
            locale={locale}
            authority={authorityPrefill(authority, file.language)}
            reopenDays={appConfig().reopenDays}
            done={isCaseCommand(done) ? done : null}
          />
        </div>
      </div>
    </div>
  );
}
