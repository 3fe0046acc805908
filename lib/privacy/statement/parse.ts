// Statement Markdown → mdast, once per file: CommonMark + GFM (tables), directives for the parts
// that come from the register (::processing{id="…"}), and explicit heading ids.
import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { remarkHeadingIds } from "./heading-ids";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkHeadingIds).freeze();

export function parseStatement(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}
