// A statement as a flat list of text blocks (headings, paragraphs, list items, table rows and the
// register parts written out), each with the section it stands in. The version diff compares
// these, so a change in the register shows up like a change in the prose.
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { LeafDirective } from "mdast-util-directive";
import { headingId } from "./heading-ids";

export interface TextBlock {
  text: string;
  kind: "heading" | "text" | "register";
  /** Id and title of the level-2 section (and level-3 subsection) the block stands in. */
  section?: { id: string; title: string };
  subsection?: { id: string; title: string };
}

/** Writes out a directive (::processing, ::controller, …) as lines of text. */
export type ExpandDirective = (directive: LeafDirective) => string[];

export function statementBlocks(tree: Root, expand: ExpandDirective): TextBlock[] {
  const blocks: TextBlock[] = [];
  let section: TextBlock["section"];
  let subsection: TextBlock["subsection"];
  const push = (text: string, kind: TextBlock["kind"]) => {
    const clean = text.replace(/\s+/g, " ").trim();
    if (clean) blocks.push({ text: clean, kind, section, subsection });
  };
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case "heading": {
        const ref = { id: headingId(node) ?? "", title: toString(node) };
        if (node.depth <= 2) [section, subsection] = [ref, undefined];
        else subsection = ref;
        push(`${"#".repeat(node.depth)} ${ref.title}`, "heading");
        return;
      }
      case "list":
        for (const item of node.children) push(`• ${toString(item)}`, "text");
        return;
      case "table":
        for (const row of node.children) push(row.children.map((cell) => toString(cell)).join(" | "), "text");
        return;
      case "leafDirective":
        for (const line of expand(node)) push(line, "register");
        return;
      case "containerDirective":
      case "blockquote":
        node.children.forEach(walk);
        return;
      case "thematicBreak":
        return;
      default:
        push(toString(node), "text");
    }
  };
  tree.children.forEach(walk);
  return blocks;
}
