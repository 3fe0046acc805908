// The messages between the subject and the team, oldest first, with who wrote them and their files.
import { getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/backoffice/case/load-case-file";
import { portalFormat } from "@/lib/format/portal-format";
import { actorWords } from "./case-actor";
import { CaseFileLinks } from "./case-files";

export async function CaseThread({ thread, locale }: { thread: CaseFile["thread"]; locale: "de" | "en" }) {
  const t = await getTranslations("backofficeCase.thread");
  const format = portalFormat(locale);
  const rows = await Promise.all(
    thread.map(async (m) => ({
      m,
      who: m.direction === "inbound" ? t("fromSubject") : await actorWords(m.author),
    })),
  );
  return (
    <section aria-labelledby="thread-title" className="case-section">
      <h2 id="thread-title">{t("title")}</h2>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="thread" data-testid="case-thread">
          {rows.map(({ m, who }) => (
            <li key={m.id} className={`thread__message thread__message--${m.direction}`} data-direction={m.direction}>
              <p className="thread__meta">
                <strong>{who}</strong> <time dateTime={m.at.toISOString()}>{format.dateTime(m.at)}</time>
              </p>
              <p className="thread__body">{m.body}</p>
              {m.attachments.length > 0 ? (
                <>
                  <p className="thread__attachments-title">{t("files")}</p>
                  <CaseFileLinks files={m.attachments} locale={locale} />
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
