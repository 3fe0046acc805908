import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { formatDay } from "@/lib/i18n/format-day";
import { isLocale } from "@/lib/i18n/locales";
import { isClosed } from "@/lib/requests/workflow/states";
import { findMyRequest, type TimelineEvent } from "@/lib/requests/my-request";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/my/requests/[reference]">): Promise<Metadata> {
  const { locale, reference } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "myRequest" });
  return { title: t("metaTitle", { reference }), robots: { index: false } };
}

export default async function MyRequestPage({ params, searchParams }: PageProps<"/[locale]/my/requests/[reference]">) {
  const { locale, reference } = await params;
  const { notice } = await searchParams;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const result = await findMyRequest(reference);
  if (!result.signedIn) {
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: `/${locale}/my/requests/${reference}` })}`);
  }
  const request = result.request;
  if (!request) notFound();
  const [t, tList, tHome, tRequests, format] = await Promise.all([
    getTranslations("myRequest"),
    getTranslations("myRequests"),
    getTranslations("home"),
    getTranslations("requests"),
    getFormatter(),
  ]);
  const closed = isClosed(request.status);

  return (
    <div className="container container--narrow section">
      <p>
        <Link href={`/${locale}/my/requests`}>← {t("back")}</Link>
      </p>
      <h1>{t("title", { reference: request.reference })}</h1>
      {notice === "confirmed" || notice === "filed" ? (
        <div className="callout" role="status" data-testid="case-notice">
          <p>{tRequests(notice)}</p>
        </div>
      ) : null}
      {request.duplicateOf ? (
        <p className="callout" data-testid="duplicate-notice">
          {tRequests("duplicate", { reference: request.duplicateOf })}
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
        <dd>{format.dateTime(request.submittedAt, { dateStyle: "long" })}</dd>
        {!closed ? (
          <>
            <dt>{t("due")}</dt>
            <dd data-testid="due-date">
              {request.dueDate ? formatDay(request.dueDate, locale) : t("dueAfterConfirmation")}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="section__intro">
        {closed ? t("closed") : request.dueDate ? t("dueWhat") : null}
        {!closed && request.extendedAt ? ` ${t("dueExtended")}` : null}
      </p>

      <h2>{t("timeline")}</h2>
      <p className="section__intro">{t("timelineIntro")}</p>
      <ol className="timeline" data-testid="timeline">
        {request.timeline.map((event) => (
          <li key={event.seq} className="timeline__item" data-event={event.event}>
            <p className="timeline__title">
              <strong>{t(`events.${event.event}` as "events.submitted")}</strong>{" "}
              <time dateTime={event.at.toISOString()}>
                {format.dateTime(event.at, { dateStyle: "long", timeStyle: "short" })}
              </time>
            </p>
            <EventDetails event={event} locale={locale} t={t} />
          </li>
        ))}
      </ol>
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"myRequest">>>;

/** What a person should read about a step: reasons, messages, summaries, the new deadline, the remedies. */
function EventDetails({ event, locale, t }: { event: TimelineEvent; locale: "de" | "en"; t: Translate }) {
  const d = event.details;
  const text = (value: unknown) => (typeof value === "string" ? value : t("erased"));
  const refusal = d.refusal as { reasons?: unknown; complaintRight?: { authority?: string } | null } | undefined;
  return (
    <>
      {event.event === "extended" && typeof d.due === "string" ? (
        <p>{t("newDue", { date: formatDay(d.due, locale) })}</p>
      ) : null}
      {"reason" in d && event.event === "extended" ? <Quote label={t("reason")} text={text(d.reason)} /> : null}
      {"message" in d ? <Quote label={t("message")} text={text(d.message)} /> : null}
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
