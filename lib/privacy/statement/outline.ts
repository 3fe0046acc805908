// The table of contents: the level-2 sections with their level-3 subsections, from the headings'
// explicit ids, so a TOC link is the same in both languages.
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { headingId } from "./heading-ids";

export interface OutlineItem {
  id: string;
  title: string;
  children: { id: string; title: string }[];
}

export function outline(tree: Root): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const node of tree.children) {
    if (node.type !== "heading") continue;
    const id = headingId(node);
    if (!id) continue;
    const entry = { id, title: toString(node) };
    if (node.depth === 2) items.push({ ...entry, children: [] });
    else if (node.depth === 3) items.at(-1)?.children.push(entry);
  }
  return items;
}
