// Every audit entry of the request, public and internal, oldest first, each with who and when.
import { getTranslations } from "next-intl/server";
import type { CaseFile, CaseTimelineEntry } from "@/lib/backoffice/case/load-case-file";
import { portalFormat } from "@/lib/format/portal-format";
import { actorWords } from "./case-actor";

export async function CaseTimeline({ file, locale }: { file: CaseFile; locale: "de" | "en" }) {
  const [t, tEvents, tStatus] = await Promise.all([
    getTranslations("backofficeCase.timeline"),
    getTranslations("backofficeCase.events"),
    getTranslations("backofficeCase.statuses"),
  ]);
  const format = portalFormat(locale);
  const people = new Map(file.assignees.map((a) => [a.id, a.name ?? a.email]));
  const rows = await Promise.all(file.timeline.map(async (entry) => ({ entry, who: await actorWords(entry.actor) })));
  return (
    <section aria-labelledby="timeline-title" className="case-section">
      <h2 id="timeline-title">{t("title")}</h2>
      <p className="section__intro">{t("intro")}</p>
      <ol className="timeline" data-testid="case-timeline">
        {rows.map(({ entry, who }) => (
          <li key={entry.seq} className="timeline__item" data-event={entry.event}>
            <p className="timeline__title">
              {/* An event this page has no words for yet is named as recorded, never dropped. */}
              <strong>{tEvents.has(entry.event) ? tEvents(entry.event as "submitted") : entry.event}</strong>{" "}
              <span data-testid="timeline-actor">{t("by", { who })}</span>,{" "}
              <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at)}</time>{" "}
              <span className={entry.public ? "badge badge--quiet" : "badge"}>
                {entry.public ? t("public") : t("internal")}
              </span>
            </p>
            {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus ? (
              <p className="muted">
                {t("status", {
                  from: tStatus(entry.fromStatus as "received"),
                  to: tStatus(entry.toStatus as "received"),
                })}
              </p>
            ) : null}
            <EntryDetails entry={entry} t={t} format={format} people={people} />
          </li>
        ))}
      </ol>
    </section>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"backofficeCase.timeline">>>;

function EntryDetails({
  entry,
  t,
  format,
  people,
}: {
  entry: CaseTimelineEntry;
  t: Translate;
  format: ReturnType<typeof portalFormat>;
  people: Map<string, string>;
}) {
  const d = entry.details;
  const words = (value: unknown) => (typeof value === "string" ? value : t("erased"));
  const refusal = d.refusal as { reasons?: unknown } | undefined;
  return (
    <>
      {entry.event === "assigned" ? (
        <p>{typeof d.to === "string" ? t("assignedTo", { who: people.get(d.to) ?? d.to }) : t("unassigned")}</p>
      ) : null}
      {entry.event === "extended" && typeof d.due === "string" ? (
        <p>{t("newDue", { date: format.day(d.due) })}</p>
      ) : null}
      {"reason" in d && entry.event !== "information_requested" ? (
        <Quote label={t("reason")} text={words(d.reason)} />
      ) : null}
      {"message" in d ? <Quote label={null} text={words(d.message)} /> : null}
      {"note" in d ? <Quote label={t("note")} text={words(d.note)} /> : null}
      {"summary" in d ? <Quote label={t("summary")} text={words(d.summary)} /> : null}
      {refusal ? <Quote label={t("refusalReasons")} text={words(refusal.reasons)} /> : null}
      {/* Art. 12(5)(a): the fee announced or accepted, and the reasons with their evidence. */}
      {typeof d.amountCents === "number" ? <p>{t("amount", { amount: format.euro(d.amountCents) })}</p> : null}
      {"reasons" in d ? <Quote label={t("refusalReasons")} text={words(d.reasons)} /> : null}
    </>
  );
}

function Quote({ label, text }: { label: string | null; text: string }) {
  return (
    <figure className="timeline__quote">
      {label ? <figcaption>{label}</figcaption> : null}
      <blockquote>{text}</blockquote>
    </figure>
  );
}
