import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";
import { isClosed } from "@/lib/requests/workflow/states";
import { findMyRequest, type TimelineEvent } from "@/lib/requests/my-request";
import { CaseThread } from "@/components/my-requests/case-thread";
import { AttachmentList } from "@/components/my-requests/attachment-list";
import { ReplyForm } from "@/components/my-requests/reply-form";
import { WithReferences } from "@/components/ui/reference";
import { RequestDetails } from "@/components/my-requests/request-details";
import type { RequestType } from "@/lib/requests/request-types";
import { acceptFee, confirmRequest } from "./actions";
import { shownUploadLimits, uploadLimitsFromConfig } from "@/lib/attachments/limits";
import { appConfig } from "@/lib/config/app-config";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/my/requests/[reference]">): Promise<Metadata> {
  const { locale, reference } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "myRequest" });
  return { title: t("metaTitle", { reference }), robots: { index: false } };
}

/** The notices a step may leave for the page it returns to: from the request forms, and from the thread. */
const intakeNotices = ["confirmed", "filed"] as const;
const threadNotices = ["sent", "answered", "withdrawn", "feeAccepted"] as const;

export default async function MyRequestPage({ params, searchParams }: PageProps<"/[locale]/my/requests/[reference]">) {
  const { locale, reference } = await params;
  const asked = (await searchParams).notice;
  // A step that came too late (decided meanwhile) says so in the thread's words for it.
  const notice = asked === "notPossible" ? "errorNotPossible" : (threadNotices.find((n) => n === asked) ?? null);
  const intakeNotice = intakeNotices.find((n) => n === asked) ?? null;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const result = await findMyRequest(reference);
  if (!result.signedIn) {
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: `/${locale}/my/requests/${reference}` })}`);
  }
  const request = result.request;
  if (!request) notFound();
  const [t, tList, tHome, tThread, tRequests, format] = await Promise.all([
    getTranslations("myRequest"),
    getTranslations("myRequests"),
    getTranslations("home"),
    getTranslations("caseThread"),
    getTranslations("requests"),
    portalFormat(locale),
  ]);
  const closed = isClosed(request.status);
  const uploadLimits = shownUploadLimits(uploadLimitsFromConfig(appConfig()));
  const awaitingSubject = request.status === "awaiting_subject";
  const mayWrite = ["received", "in_progress", "awaiting_fee"].includes(request.status);
  const fee = request.feeAnnouncement;

  // One column of sections with one gap between them (.case-page): each thing is said once, in its place.
  return (
    <div className="container container--narrow section case-page" data-testid="case-page">
      <header>
        <p>
          <Link href={`/${locale}/my/requests`}>← {t("back")}</Link>
        </p>
        <h1>
          <WithReferences text={t("title", { reference: request.reference })} />
        </h1>
        {intakeNotice ? (
          <div className="notice" role="status" data-testid="case-notice">
            <p>{tRequests(intakeNotice)}</p>
          </div>
        ) : null}
        {notice ? (
          <div className="notice" role="status" data-testid="case-notice">
            <p>{tThread(notice)}</p>
          </div>
        ) : null}
        {request.duplicateOf ? (
          <p className="callout" data-testid="duplicate-notice">
            <WithReferences text={tRequests("duplicate", { reference: request.duplicateOf })} />
          </p>
        ) : null}
        <dl className="meta-list" data-testid="case-summary">
          <dt>{t("right")}</dt>
          <dd>
            {tHome(`rights.${request.type}.title` as "rights.access.title")} (
            {tHome(`rights.${request.type}.article` as "rights.access.article")})
          </dd>
          <dt>{t("status")}</dt>
          <dd>{tList(`statuses.${request.status}` as "statuses.received")}</dd>
          <dt>{t("submitted")}</dt>
          <dd>{format.date(request.submittedAt)}</dd>
          {!closed ? (
            <>
              <dt>{t("due")}</dt>
              <dd data-testid="due-date">
                {request.dueDate ? format.day(request.dueDate) : t("dueAfterConfirmation")}
              </dd>
            </>
          ) : null}
        </dl>
        <p className="section__intro">
          {closed ? t("closed") : request.dueDate ? t("dueWhat") : null}
          {!closed && request.extendedAt ? ` ${t("dueExtended")}` : null}
        </p>
      </header>

      {request.status === "awaiting_verification" ? (
        <section className="callout callout--warning" aria-labelledby="confirm-title" data-testid="confirm-box">
          <h2 id="confirm-title">{tRequests("confirmTitle")}</h2>
          <p>{tRequests("confirmText")}</p>
          <form action={confirmRequest}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="reference" value={request.reference} />
            <button type="submit" className="button">
              {tRequests("confirmSubmit")}
            </button>
          </form>
        </section>
      ) : null}
      {awaitingSubject ? (
        <section className="callout callout--warning" aria-labelledby="question-title" data-testid="open-question">
          <h2 id="question-title">{tThread("questionTitle")}</h2>
          <p>{tThread("questionIntro")}</p>
          <figure className="timeline__quote">
            <blockquote>{request.openQuestion ?? tThread("questionErased")}</blockquote>
          </figure>
          <ReplyForm locale={locale} reference={request.reference} mode="answer" limits={uploadLimits} />
        </section>
      ) : null}

      {fee ? (
        <section className="callout callout--warning" aria-labelledby="fee-title" data-testid="fee-announcement">
          <h2 id="fee-title">{tThread("feeTitle")}</h2>
          <p>{tThread("feeIntro")}</p>
          <p>
            <strong data-testid="fee-amount">{tThread("feeAmount", { amount: format.euro(fee.amountCents) })}</strong>
          </p>
          <figure className="timeline__quote">
            <figcaption>{tThread("feeReasons")}</figcaption>
            <blockquote>{fee.reasons ?? t("erased")}</blockquote>
          </figure>
          <ul>
            {(tThread.raw("feeChoices") as string[]).map((choice) => (
              <li key={choice}>{choice}</li>
            ))}
          </ul>
          <div className="button-row">
            <form action={acceptFee}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="reference" value={request.reference} />
              <button type="submit" className="button" data-testid="fee-accept">
                {tThread("feeAccept", { amount: format.euro(fee.amountCents) })}
              </button>
            </form>
            <Link
              href={`/${locale}/my/requests/${encodeURIComponent(request.reference)}/withdraw`}
              className="button button--secondary"
              data-testid="fee-withdraw"
            >
              {tThread("feeWithdraw")}
            </Link>
          </div>
        </section>
      ) : null}

      {request.fulfilment && !closed ? (
        <section aria-labelledby="progress-title" data-testid="fulfilment-progress">
          <h2 id="progress-title">{t("progressTitle")}</h2>
          <p>
            {t("progress", request.fulfilment)}
            {request.fulfilment.finished === request.fulfilment.total ? ` ${t("progressAllDone")}` : null}
          </p>
          <progress
            value={request.fulfilment.finished}
            max={request.fulfilment.total}
            aria-labelledby="progress-title"
          />
        </section>
      ) : null}

      <RequestDetails type={request.type as RequestType} details={request.requestDetails} locale={locale} />
      {request.documents.length > 0 ? (
        <section aria-labelledby="documents-title" data-testid="documents">
          <h2 id="documents-title">{tRequests("documentsTitle")}</h2>
          <AttachmentList files={request.documents} />
        </section>
      ) : null}

      <section aria-labelledby="messages">
        <h2 id="messages">{tThread("title")}</h2>
        <p className="section__intro">{tThread("intro")}</p>
        <CaseThread thread={request.thread} openQuestionId={request.openQuestionMessageId} />
        {mayWrite ? (
          <>
            <h3>{tThread("messageTitle")}</h3>
            <ReplyForm locale={locale} reference={request.reference} mode="message" limits={uploadLimits} />
          </>
        ) : null}
        {closed ? <p>{tThread("closedNoForms")}</p> : null}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("timeline")}</h2>
        <p className="section__intro">{t("timelineIntro")}</p>
        <ol className="timeline" data-testid="timeline">
          {request.timeline.map((event) => (
            <li key={event.seq} className="timeline__item" data-event={event.event}>
              <p className="timeline__title">
                <strong>{eventTitle(event, t)}</strong>{" "}
                <time dateTime={event.at.toISOString()}>{format.dateTime(event.at)}</time>
              </p>
              <EventDetails event={event} locale={locale} t={t} openQuestionId={request.openQuestionMessageId} />
            </li>
          ))}
        </ol>
      </section>

      {!closed ? (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{tThread("withdrawTitle")}</h2>
          <p>{tThread("withdrawIntro")}</p>
          <p>
            <Link
              href={`/${locale}/my/requests/${encodeURIComponent(request.reference)}/withdraw`}
              className="button button--secondary"
            >
              {tThread("withdrawLink")}
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"myRequest">>>;

function eventTitle(event: TimelineEvent, t: Translate): string {
  if (event.event === "message_sent") {
    return event.details.sentBy === "staff" ? t("events.message_sent.staff") : t("events.message_sent.subject");
  }
  return t(`events.${event.event}` as "events.submitted");
}

/**
 * What a person should read about a step: reasons, summaries, the new deadline, the remedies. A message
 * that lives in the thread (a question, an answer) is pointed to, not repeated: the page says it once.
 */
function EventDetails({
  event,
  locale,
  t,
  openQuestionId,
}: {
  event: TimelineEvent;
  locale: "de" | "en";
  t: Translate;
  openQuestionId: string | null;
}) {
  const d = event.details;
  const threaded = typeof d.messageId === "string";
  const text = (value: unknown) => (typeof value === "string" ? value : t("erased"));
  const refusal = d.refusal as { reasons?: unknown; complaintRight?: { authority?: string } | null } | undefined;
  return (
    <>
      {event.event === "extended" && typeof d.due === "string" ? (
        <p>{t("newDue", { date: portalFormat(locale).day(d.due) })}</p>
      ) : null}
      {/* Art. 12(5)(a): the fee announced (with its reasons) or accepted. */}
      {typeof d.amountCents === "number" ? (
        <p>{t("feeAmount", { amount: portalFormat(locale).euro(d.amountCents) })}</p>
      ) : null}
      {event.event === "fee_announced" && "reasons" in d ? <Quote label={t("reason")} text={text(d.reasons)} /> : null}
      {/* A request for information's reason is a category, not words; an extension's and a withdrawal's are words. */}
      {"reason" in d && (event.event === "extended" || event.event === "withdrawn" || event.event === "reopened") ? (
        <Quote label={t("reason")} text={text(d.reason)} />
      ) : null}
      {threaded && event.event !== "message_sent" ? (
        <p>
          {d.messageId === openQuestionId ? (
            <a href="#question-title">{t("seeQuestion")}</a>
          ) : (
            <a href="#messages">{t("seeMessages")}</a>
          )}
        </p>
      ) : null}
      {"message" in d && !threaded && event.event !== "message_sent" ? (
        <Quote label={t("message")} text={text(d.message)} />
      ) : null}
      {"summary" in d ? <Quote label={t("summary")} text={text(d.summary)} /> : null}
      {refusal ? (
        <>
          <Quote label={t("refusalReasons")} text={text(refusal.reasons)} />
          <p>{t("complaintRight", { authority: refusal.complaintRight?.authority ?? "" })}</p>
          <p>{t("judicialRemedy")}</p>
        </>
      ) : null}
    </>
  );
}

function Quote({ label, text }: { label: string; text: string }) {
  return (
    <figure className="timeline__quote">
      <figcaption>{label}</figcaption>
      <blockquote>{text}</blockquote>
    </figure>
  );
}
