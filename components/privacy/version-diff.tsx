import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { DiffEntry, VersionDiff as Diff } from "@/lib/privacy/compare";
import type { TextBlock } from "@/lib/privacy/statement/blocks";

type Change = Exclude<DiffEntry, { type: "unchanged" }>;
type Piece = { type: "gap"; count: number } | { type: "hunk"; changes: Change[] };

/**
 * The changes between two versions, as hunks of changed blocks between counted runs of unchanged
 * ones. Colour is never the only signal: each hunk is labelled in words, each line has a +/−/~ sign,
 * and inserted and deleted words are <ins>/<del> with a hidden word for screen readers.
 */
export async function VersionDiff({ diff, locale }: { diff: Diff; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "versions" });
  if (diff.counts.added + diff.counts.removed + diff.counts.changed === 0) return <p>{t("noChanges")}</p>;
  return (
    <>
      <p className="diff__counts" data-testid="diff-counts">
        {t("counts", diff.counts)}
      </p>
      <ol className="diff" data-testid="diff">
        {pieces(diff.entries).map((piece, i) =>
          piece.type === "gap" ? (
            <li key={i} className="diff__gap">
              {t("unchanged", { count: piece.count })}
            </li>
          ) : (
            <li key={i} className="diff__hunk">
              <div className="diff__hunk-head">
                <span className="diff__where">{where(piece.changes[0]!.block)}</span>
                {[...new Set(piece.changes.map((c) => c.type))].map((type) => (
                  <span key={type} className={`badge badge--${type}`}>
                    {t(type)}
                  </span>
                ))}
              </div>
              {piece.changes.map((change, j) => (
                <Line key={j} change={change} inserted={t("inserted")} deleted={t("deleted")} />
              ))}
            </li>
          ),
        )}
      </ol>
    </>
  );
}

const SIGN = { added: "+", removed: "−", changed: "~" } as const;

function Line({ change, inserted, deleted }: { change: Change; inserted: string; deleted: string }) {
  const heading = change.block.kind === "heading";
  return (
    <div className={`diff__line diff__line--${change.type}`} data-change={change.type}>
      <span className="diff__sign" aria-hidden="true">
        {SIGN[change.type]}
      </span>
      <p className={`diff__text${heading ? " diff__text--heading" : ""}`}>
        {change.type === "added" ? <ins>{display(change.block)}</ins> : null}
        {change.type === "removed" ? <del>{display(change.block)}</del> : null}
        {change.type === "changed"
          ? change.parts.map((part, i) =>
              part.change ? (
                <Mark
                  key={i}
                  as={part.change === "added" ? "ins" : "del"}
                  label={part.change === "added" ? inserted : deleted}
                >
                  {part.text}
                </Mark>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )
          : null}
      </p>
    </div>
  );
}

/** <ins>/<del> are not announced by most screen readers, so the words around them are spelt out. */
function Mark({ as: Tag, label, children }: { as: "ins" | "del"; label: string; children: string }) {
  return (
    <Tag>
      <span className="visually-hidden">[{label}: </span>
      {children}
      <span className="visually-hidden">]</span>
    </Tag>
  );
}

function pieces(entries: readonly DiffEntry[]): Piece[] {
  const result: Piece[] = [];
  for (const entry of entries) {
    const last = result.at(-1);
    if (entry.type === "unchanged") result.push({ type: "gap", count: entry.count });
    else if (last?.type === "hunk") last.changes.push(entry);
    else result.push({ type: "hunk", changes: [entry] });
  }
  return result;
}

/** Headings are compared with their "##" so that a heading and a paragraph never pair up; shown without. */
function display(block: TextBlock): string {
  return block.kind === "heading" ? block.text.replace(/^#+\s*/, "") : block.text;
}

function where(block: TextBlock): string {
  return [block.section?.title, block.subsection?.title].filter(Boolean).join(" › ");
}
