import { describe, expect, it } from "vitest";
import { requestTypes } from "../../requests/request-types";
import { checkStatement } from "./check-statement";
import { parseStatement } from "./parse";

const rights = [
  "## Rechte {#rights}",
  ...requestTypes.map((t) => `### ${t} {#right-${t.replace("_", "-")}}\n\n[Antrag](request:${t})`),
  "### Beschwerde {#right-complaint}\n\n::supervisory-authority",
].join("\n\n");

function problems(markdown: string, entryIds = ["registration"]) {
  const tree = parseStatement(markdown);
  const ids = new Set(entryIds);
  return checkStatement(tree, {
    locale: "de",
    effective: "2023-07-01",
    entryIds: ids,
    allEntryIds: new Set([...ids, "old-entry"]),
  }).problems.map((p) => `${p.line ?? "-"}: ${p.message}`);
}

describe("checkStatement", () => {
  it("accepts a well-formed statement", () => {
    expect(
      problems(`## Verarbeitung {#registration}\n\n::processing{id="registration"}\n\n${rights}\n\nStand: Juli 2023.`),
    ).toEqual([]);
  });

  it("needs ids on headings, and ## / ### only", () => {
    expect(problems(`# Titel\n\n## Ohne Id\n\n#### Tief {#deep}\n\n${rights}`)).toEqual([
      "1: a level-1 heading is not allowed: the page shows the version's title",
      '1: heading "Titel" needs an id: write "# Title {#some-id}"',
      '3: heading "Ohne Id" needs an id: write "## Title {#some-id}"',
      "5: headings go two levels deep (## and ###), not ####",
    ]);
  });

  it("names unknown directives, entries outside the version and bad links", () => {
    expect(
      problems(
        `## A {#a}\n\n::processing{id="nope"}\n\n::processing{id="old-entry"}\n\n::chart\n\n[x](#missing) [y](/en/privacy) [z](http://example.org)\n\n${rights}`,
      ),
    ).toEqual([
      '3: unknown register entry "nope" (content/register.ts)',
      '5: register entry "old-entry" is not in this version\'s register (see its introducedIn/removedIn)',
      '7: unknown directive "::chart" (known: controller, dpo, supervisory-authority, register-overview, processing)',
      '9: link "#missing" points to no heading of this text',
      '9: link "/en/privacy" must stay in this language: /de/…',
      '9: link "http://example.org" must be https:, mailto:, tel:, a #heading, a /de/ path or request:<type>',
    ]);
  });

  it("requires every right to link to a request form, and every request type to be linked", () => {
    const broken = rights
      .replace("[Antrag](request:erasure)", "Schreiben Sie uns.")
      .replace("request:access", "request:acces");
    expect(problems(broken)).toEqual([
      expect.stringMatching(/"request:acces" names no request type/),
      expect.stringMatching(/the right "access" links to no request form/),
      expect.stringMatching(/the right "erasure" links to no request form/),
      expect.stringMatching(/the rights section links to no form for: access, erasure/),
    ]);
  });

  it("holds 'Stand' lines against the effective date", () => {
    expect(problems(`${rights}\n\nStand: Juni 2023.`)).toEqual([
      expect.stringMatching(/"Stand: Juni 2023" contradicts the version's effective date 2023-07-01/),
    ]);
  });

  it("rejects raw HTML, which would silently disappear", () => {
    expect(problems(`${rights}\n\n<script>alert(1)</script>`)).toEqual([
      expect.stringMatching(/raw HTML is not rendered/),
    ]);
  });
});
