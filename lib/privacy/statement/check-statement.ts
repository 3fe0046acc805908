// Rules for one statement file (one version, one language). The cross-file rules (both languages
// have the same sections, every register entry is embedded) are in ../validate-content.ts.
import type { Heading, Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { isRequestType, requestTypes, type RequestType } from "../../requests/request-types";
import { dateMentionProblem, findDateMentions } from "./date-mentions";
import { containerDirectives, isLeafDirectiveName, leafDirectives, REQUEST_LINK_PREFIX } from "./directives";
import { headingId } from "./heading-ids";

export interface StatementContext {
  locale: string;
  /** The version's effective date, "2023-07-01". */
  effective: string;
  /** Register entries in this version's register. */
  entryIds: ReadonlySet<string>;
  /** Every register entry, to tell "not in this version" from "unknown". */
  allEntryIds: ReadonlySet<string>;
}

export interface LineProblem {
  line?: number;
  message: string;
}

export interface StatementFacts {
  /** Every heading id in document order. */
  headingIds: string[];
  /** Register entries embedded with ::processing, in document order. */
  processingRefs: string[];
}

/** The section whose subsections are the rights; each must link to its request form (or name the authority). */
export const RIGHTS_SECTION = "rights";
/** Its one subsection without a request type: the complaint to a supervisory authority (Art. 77). */
const AUTHORITY_DIRECTIVE = "supervisory-authority";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkStatement(
  tree: Root,
  context: StatementContext,
): { problems: LineProblem[]; facts: StatementFacts } {
  const problems: LineProblem[] = [];
  const report = (node: Nodes | undefined, message: string) =>
    problems.push({ line: node?.position?.start.line, message });
  const facts: StatementFacts = { headingIds: [], processingRefs: [] };

  visit(tree, "heading", (heading) => {
    const id = headingId(heading);
    if (heading.depth === 1) report(heading, "a level-1 heading is not allowed: the page shows the version's title");
    if (heading.depth > 3)
      report(heading, `headings go two levels deep (## and ###), not ${"#".repeat(heading.depth)}`);
    if (!id)
      report(
        heading,
        `heading "${toString(heading)}" needs an id: write "${"#".repeat(heading.depth)} Title {#some-id}"`,
      );
    else if (!KEBAB.test(id)) report(heading, `heading id "${id}" must be kebab-case`);
    else if (facts.headingIds.includes(id)) report(heading, `heading id "${id}" is used twice`);
    if (id) facts.headingIds.push(id);
  });

  let lastHeadingId: string | undefined;
  let overviews = 0;
  visit(tree, (node) => {
    switch (node.type) {
      case "heading":
        lastHeadingId = headingId(node);
        break;
      case "html":
        report(node, "raw HTML is not rendered; use Markdown or a directive");
        break;
      case "textDirective":
        report(
          node,
          `":${node.name}" is read as a directive; inline directives are not supported (escape the colon as "\\:")`,
        );
        break;
      case "containerDirective":
        if (!(containerDirectives as readonly string[]).includes(node.name))
          report(node, `unknown block ":::${node.name}" (known: ${containerDirectives.join(", ")})`);
        break;
      case "leafDirective": {
        if (!isLeafDirectiveName(node.name)) {
          report(node, `unknown directive "::${node.name}" (known: ${Object.keys(leafDirectives).join(", ")})`);
          break;
        }
        const allowed: readonly string[] = leafDirectives[node.name];
        const attributes = node.attributes ?? {};
        for (const name of Object.keys(attributes))
          if (!allowed.includes(name)) report(node, `"::${node.name}" takes no attribute "${name}"`);
        if (node.name === "processing") {
          const id = attributes.id ?? "";
          if (!id) report(node, '"::processing" needs the register entry: ::processing{id="…"}');
          else if (!context.allEntryIds.has(id)) report(node, `unknown register entry "${id}" (content/register.ts)`);
          else if (!context.entryIds.has(id))
            report(node, `register entry "${id}" is not in this version's register (see its introducedIn/removedIn)`);
          else {
            facts.processingRefs.push(id);
            // The register overview links each activity to its section by the entry id.
            if (lastHeadingId !== id)
              report(node, `::processing{id="${id}"} belongs under a heading with the id {#${id}}`);
          }
        }
        if (node.name === "register-overview" && ++overviews > 1) report(node, '"::register-overview" appears twice');
        break;
      }
      case "link":
        checkLink(node.url, node, context, facts.headingIds, report);
        break;
    }
  });

  checkRightsSection(tree, report);

  visit(tree, ["paragraph", "heading", "tableCell"], (node) => {
    const text = toString(node);
    for (const mention of findDateMentions(text)) {
      const problem = dateMentionProblem(mention, context.effective);
      if (problem) report(node as Nodes, problem);
    }
  });

  return { problems, facts };
}

function checkLink(
  url: string,
  node: Nodes,
  context: StatementContext,
  headingIds: readonly string[],
  report: (node: Nodes, message: string) => void,
): void {
  if (url.startsWith(REQUEST_LINK_PREFIX)) {
    const type = url.slice(REQUEST_LINK_PREFIX.length);
    if (!isRequestType(type)) report(node, `"${url}" names no request type (known: ${requestTypes.join(", ")})`);
  } else if (url.startsWith("#")) {
    // Heading ids are all collected before links are checked (the heading visit runs first).
    if (!headingIds.includes(url.slice(1))) report(node, `link "${url}" points to no heading of this text`);
  } else if (url.startsWith("/")) {
    if (!url.startsWith(`/${context.locale}/`))
      report(node, `link "${url}" must stay in this language: /${context.locale}/…`);
  } else if (!/^(https:|mailto:|tel:)/.test(url)) {
    report(
      node,
      `link "${url}" must be https:, mailto:, tel:, a #heading, a /${context.locale}/ path or request:<type>`,
    );
  }
}

/** Each right in the rights section links to its request form, and every request type has one. */
function checkRightsSection(tree: Root, report: (node: Nodes | undefined, message: string) => void): void {
  const start = tree.children.findIndex(
    (n) => n.type === "heading" && n.depth === 2 && headingId(n) === RIGHTS_SECTION,
  );
  if (start < 0) {
    report(undefined, `the statement needs a rights section "## … {#${RIGHTS_SECTION}}"`);
    return;
  }
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((n) => n.type === "heading" && n.depth === 2);
  const section = end < 0 ? rest : rest.slice(0, end);

  const linked = new Map<RequestType, number>();
  let current: { heading: Heading; types: RequestType[]; authority: boolean } | undefined;
  const close = () => {
    if (!current) return;
    const name = toString(current.heading);
    if (current.types.length === 0 && !current.authority)
      report(current.heading, `the right "${name}" links to no request form: add [Text](${REQUEST_LINK_PREFIX}<type>)`);
    if (current.types.length > 1)
      report(current.heading, `the right "${name}" links to ${current.types.length} request forms`);
  };
  for (const node of section) {
    if (node.type === "heading" && node.depth === 3) {
      close();
      current = { heading: node, types: [], authority: false };
      continue;
    }
    visit(node, (inner) => {
      if (inner.type === "leafDirective" && inner.name === AUTHORITY_DIRECTIVE && current) current.authority = true;
      if (inner.type === "link" && inner.url.startsWith(REQUEST_LINK_PREFIX)) {
        const type = inner.url.slice(REQUEST_LINK_PREFIX.length);
        if (!isRequestType(type)) return;
        if (!current) report(inner, `request link "${inner.url}" stands before the first right's heading`);
        current?.types.push(type);
        if (linked.has(type)) report(inner, `the request form "${type}" is linked twice in the rights section`);
        linked.set(type, inner.position?.start.line ?? 0);
      }
    });
  }
  close();
  const missing = requestTypes.filter((t) => !linked.has(t));
  if (missing.length) report(tree.children[start], `the rights section links to no form for: ${missing.join(", ")}`);
}
