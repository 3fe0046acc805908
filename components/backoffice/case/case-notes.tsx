// Internal notes: staff only, never on the subject's page.
import { getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/backoffice/case/load-case-file";
import { portalFormat } from "@/lib/format/portal-format";
import { actorWords } from "./case-actor";

export async function CaseNotes({ notes, locale }: { notes: CaseFile["notes"]; locale: "de" | "en" }) {
  const t = await getTranslations("backofficeCase.notes");
  const format = portalFormat(locale);
  const rows = await Promise.all(notes.map(async (n) => ({ n, who: await actorWords(n.author) })));
  return (
    <section aria-labelledby="notes-title" className="case-section" data-testid="case-notes">
      <h2 id="notes-title">{t("title")}</h2>
      <p className="section__intro">{t("intro")}</p>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="thread">
          {rows.map(({ n, who }) => (
            <li key={n.id} className="thread__message case-note">
              <p className="thread__meta">
                <strong>{who}</strong> <time dateTime={n.at.toISOString()}>{format.dateTime(n.at)}</time>
              </p>
              <p className="thread__body">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
