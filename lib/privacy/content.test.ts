// The demo statement in content/ as the acceptance criteria ask for it: it validates, the text
// embeds the whole register, every right links to its form, and text and metadata agree on dates.
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { locales } from "../i18n/locales";
import { requestTypes } from "../requests/request-types";
import { content } from "./content";
import { readContentDir } from "./read-content-dir";
import { dateMentionProblem, findDateMentions, type DateMention } from "./statement/date-mentions";
import { headingId } from "./statement/heading-ids";
import { entriesInVersion, formatProblem, validateContent } from "./validate-content";

const { versions, entries, statements } = content();
const everyStatement = versions.flatMap((v) =>
  locales.map((locale) => ({ version: v, locale, ...statements[v.id]![locale] })),
);

describe("the privacy statement content", () => {
  it("validates: every file against its schema and every reference between them", async () => {
    const result = validateContent(await readContentDir("content"));
    expect(result.ok ? [] : result.problems.map((p) => formatProblem(p))).toEqual([]);
  });

  it("has at least two versions with a visible difference in the register", () => {
    expect(versions.map((v) => v.id)).toEqual(["2023-06", "2023-07"]);
    const ids = (id: string) => entriesInVersion(entries, versions, id).map((e) => e.id);
    expect(ids("2023-07").filter((id) => !ids("2023-06").includes(id))).toEqual(["support-chat"]);
  });

  it.each(everyStatement.map((s) => [s.file, s] as const))(
    "%s embeds every entry of its version's register once",
    (_f, s) => {
      const register = entriesInVersion(entries, versions, s.version.id).map((e) => e.id);
      const embedded: string[] = [];
      visit(s.tree, "leafDirective", (d) => {
        if (d.name === "processing") embedded.push(d.attributes?.id ?? "");
      });
      expect([...embedded].sort()).toEqual([...register].sort());
    },
  );

  it.each(everyStatement.map((s) => [s.file, s] as const))(
    "%s: every right in the rights section links to a request type",
    (_f, s) => {
      const rights = rightsSubsections(s.tree);
      expect(rights.length).toBe(requestTypes.length + 1);
      for (const right of rights) {
        // The complaint (Art. 77) is a right without a request form: it names the authority instead.
        if (right.id === "right-complaint") expect(right.directives).toContain("supervisory-authority");
        else expect(right.requestLinks, right.title).toHaveLength(1);
      }
      expect(rights.flatMap((r) => r.requestLinks).sort()).toEqual(requestTypes.map((t) => `request:${t}`).sort());
    },
  );

  it.each(everyStatement.map((s) => [s.file, s] as const))(
    "%s: its dates agree with the version's effective date",
    (_f, s) => {
      const mentions: DateMention[] = [];
      visit(s.tree, ["paragraph", "heading", "tableCell"], (node) => {
        mentions.push(...findDateMentions(toString(node)));
      });
      expect(
        mentions.length,
        "the demo texts carry a 'Stand'/'Last updated' line, so this test checks something",
      ).toBeGreaterThan(0);
      for (const mention of mentions) expect(dateMentionProblem(mention, s.version.effective)).toBeUndefined();
    },
  );

  it("German and English have the same sections in every version", () => {
    for (const v of versions)
      expect(statements[v.id]!.en.facts.headingIds).toEqual(statements[v.id]!.de.facts.headingIds);
  });
});

function rightsSubsections(tree: Root) {
  const start = tree.children.findIndex((n) => n.type === "heading" && n.depth === 2 && headingId(n) === "rights");
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((n) => n.type === "heading" && n.depth === 2);
  const rights: { id: string; title: string; requestLinks: string[]; directives: string[] }[] = [];
  for (const node of end < 0 ? rest : rest.slice(0, end)) {
    if (node.type === "heading" && node.depth === 3) {
      rights.push({ id: headingId(node) ?? "", title: toString(node), requestLinks: [], directives: [] });
      continue;
    }
    visit(node, (inner) => {
      if (inner.type === "link" && inner.url.startsWith("request:")) rights.at(-1)?.requestLinks.push(inner.url);
      if (inner.type === "leafDirective") rights.at(-1)?.directives.push(inner.name);
    });
  }
  return rights;
}
