// Each version's text prepared once per process and language: the HTML tree the page renders, its
// table of contents, and its text blocks for the diff. A page request only maps the tree to React.
import type { Root as HastRoot } from "hast";
import type { Locale } from "../i18n/locales";
import { compareBlocks, type VersionDiff } from "./compare";
import { content } from "./content";
import { dataCategory, recipient, registerEntries, registerEntry } from "./index";
import { describeEntry, describeParty, fill, registerTerms } from "./register-text";
import type { StatementVersion } from "./schema/versions";
import { statementBlocks, type ExpandDirective, type TextBlock } from "./statement/blocks";
import { outline, type OutlineItem } from "./statement/outline";
import { toStatementHast } from "./statement/to-hast";

export interface RenderedStatement {
  version: StatementVersion;
  hast: HastRoot;
  outline: OutlineItem[];
  blocks: TextBlock[];
}

const cache = new Map<string, RenderedStatement>();

export function renderedStatement(versionId: string, locale: Locale): RenderedStatement | undefined {
  const key = `${versionId}/${locale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { versions, statements } = content();
  const version = versions.find((v) => v.id === versionId);
  const statement = statements[versionId]?.[locale];
  if (!version || !statement) return undefined;
  const rendered = {
    version,
    hast: toStatementHast(statement.tree, locale),
    outline: outline(statement.tree),
    blocks: statementBlocks(statement.tree, expander(versionId, locale)),
  };
  cache.set(key, rendered);
  return rendered;
}

/** What changed from one version to another, in one language. */
export function compareVersions(fromId: string, toId: string, locale: Locale): VersionDiff | undefined {
  const from = renderedStatement(fromId, locale);
  const to = renderedStatement(toId, locale);
  return from && to ? compareBlocks(from.blocks, to.blocks) : undefined;
}

function expander(versionId: string, locale: Locale): ExpandDirective {
  const lookups = { category: dataCategory, recipient };
  const t = registerTerms(locale);
  return (directive) => {
    switch (directive.name) {
      case "processing": {
        const entry = registerEntry(directive.attributes?.id ?? "");
        return entry ? describeEntry(entry, locale, lookups) : [];
      }
      case "register-overview":
        return registerEntries(versionId).map((entry) => {
          const bases = entry.legalBases.map((b) => fill(t.legalBasisArticle, { code: b.code })).join(", ");
          return `${t.overview.activity}: ${entry.name[locale]}${bases ? ` – ${bases}` : ""}`;
        });
      case "controller":
      case "dpo":
      case "supervisory-authority":
        return [describeParty(directive.name, content().controller, locale).join(", ")];
      default:
        return [];
    }
  };
}
