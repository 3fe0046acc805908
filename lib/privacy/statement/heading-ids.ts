// Headings carry explicit, language-neutral ids: "## Ihre Rechte {#rights}". The German and the
// English text share them, so /de/privacy#rights and /en/privacy#rights are the same section and the
// language switch can keep the anchor; links from requests and mails survive a reworded heading.
import type { Heading, Root } from "mdast";
import { visit } from "unist-util-visit";

const ID_SUFFIX = /\s*\{#([^}\s]*)\}\s*$/;

/** remark plugin: moves a trailing {#id} of a heading into the id the HTML will get. */
export function remarkHeadingIds() {
  return (tree: Root) => {
    visit(tree, "heading", (heading) => {
      const last = heading.children.at(-1);
      if (last?.type !== "text") return;
      const match = ID_SUFFIX.exec(last.value);
      if (!match) return;
      last.value = last.value.slice(0, match.index);
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: match[1] } };
    });
  };
}

export function headingId(heading: Heading): string | undefined {
  const id = heading.data?.hProperties?.id;
  return typeof id === "string" ? id : undefined;
}
