// Statement mdast → HTML tree (hast). Directives become placeholder elements that the page fills
// from the content model (components/privacy/statement-body.tsx); request links get their real URL.
// Raw HTML in the Markdown is dropped (remark-rehype's default), so the text cannot inject markup.
import type { Root as HastRoot } from "hast";
import type { Root } from "mdast";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Locale } from "../../i18n/locales";
import { REQUEST_LINK_PREFIX } from "./directives";

/** hast element names the page maps to components: portal-processing, portal-controller, … */
export const PORTAL_ELEMENT_PREFIX = "portal-";

/** The form for a request type; the routes arrive with the intake issue. */
export function requestFormPath(locale: Locale, type: string): string {
  return `/${locale}/requests/new/${type}`;
}

function remarkPortalElements(options: { locale: Locale }) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === "leafDirective") {
        node.data = {
          ...node.data,
          hName: `${PORTAL_ELEMENT_PREFIX}${node.name}`,
          hProperties: node.attributes?.id ? { dataEntryId: node.attributes.id } : {},
        };
      } else if (node.type === "containerDirective" && node.name === "notice") {
        node.data = { ...node.data, hName: "div", hProperties: { className: ["notice"], role: "note" } };
      } else if (node.type === "link" && node.url.startsWith(REQUEST_LINK_PREFIX)) {
        const type = node.url.slice(REQUEST_LINK_PREFIX.length);
        node.url = requestFormPath(options.locale, type);
        node.data = { ...node.data, hProperties: { className: ["request-link"], dataRequestType: type } };
      }
    });
  };
}

export function toStatementHast(tree: Root, locale: Locale): HastRoot {
  const processor = unified().use(remarkPortalElements, { locale }).use(remarkRehype);
  return processor.runSync(structuredClone(tree)) as HastRoot;
}
