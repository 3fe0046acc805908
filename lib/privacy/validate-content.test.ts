// Rules across the content files, on small variations of the real content.
import { describe, expect, it } from "vitest";
import { readContentDir } from "./read-content-dir";
import { formatProblem, validateContent, type RawContent } from "./validate-content";

const original = await readContentDir("content");

// Fixtures are edited freely, including into shapes the types forbid: that is what is being tested.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Files = Record<string, any>;

/** The real content with one file changed through `edit`. */
function variant(edit: (files: Files) => void): string[] {
  const files = structuredClone(original.files) as Files;
  edit(files);
  const result = validateContent({ ...original, files: files as RawContent["files"] });
  return result.ok ? [] : result.problems.map((p) => formatProblem(p));
}

const entry = (files: Files, id: string) => files.register.entries.find((e: { id: string }) => e.id === id);

describe("validateContent", () => {
  it("names the file and the field of a bad legal basis", () => {
    expect(variant((f) => (f.register.entries[3].legalBases[0].code = "g"))).toEqual([
      'content/register.ts: entries[3].legalBases[0].code: Invalid option: expected one of "a"|"b"|"c"|"d"|"e"|"f"',
    ]);
  });

  it("offers portability only for consent or contract, objection exactly for 6(1)(e)/(f), withdrawal exactly for consent", () => {
    expect(
      variant((f) => {
        entry(f, "app-use").requestTypes = ["access", "portability"];
        entry(f, "app-permissions").requestTypes = ["access", "objection"];
      }),
    ).toEqual([
      expect.stringMatching(
        /^content\/register.ts: entries\[2\]\.requestTypes\[1\]: "portability" does not apply with legal basis f/,
      ),
      expect.stringMatching(/^content\/register.ts: entries\[2\]\.requestTypes: must include "objection"/),
      expect.stringMatching(
        /^content\/register.ts: entries\[3\]\.requestTypes\[1\]: "objection" does not apply with legal basis a/,
      ),
      expect.stringMatching(/^content\/register.ts: entries\[3\]\.requestTypes: must include "consent_withdrawal"/),
    ]);
  });

  it("asks for the legitimate interest of every 6(1)(f) basis", () => {
    expect(variant((f) => delete entry(f, "app-use").legalBases[0].legitimateInterest)).toEqual([
      expect.stringMatching(/entries\[2\]\.legalBases\[0\]\.legitimateInterest: is required for Art\. 6\(1\)\(f\)/),
    ]);
  });

  it("requires a safeguard for a recipient outside the EEA, and only there", () => {
    expect(variant((f) => (entry(f, "support-chat").thirdCountryTransfers = []))).toEqual([
      expect.stringMatching(/entries\[5\]\.thirdCountryTransfers: recipient "hubspot" is in US, outside the EEA/),
    ]);
    expect(variant((f) => (entry(f, "support-chat").thirdCountryTransfers[0].country = "FR"))).toEqual([
      "content/register.ts: entries[5].thirdCountryTransfers[0].country: FR is in the EEA: no third-country transfer",
      "content/register.ts: entries[5].thirdCountryTransfers[0].country: is FR but the recipient is in US",
    ]);
  });

  it("resolves ids across files", () => {
    expect(
      variant((f) => {
        entry(f, "registration").dataCategories.push("shoe-size");
        entry(f, "registration").recipients.push("acme");
        entry(f, "support-chat").introducedIn = "2024-01";
      }),
    ).toEqual([
      'content/register.ts: entries[1].dataCategories[4]: unknown data category "shoe-size" (data-categories.ts)',
      'content/register.ts: entries[1].recipients[1]: unknown recipient "acme" (recipients.ts)',
      'content/register.ts: entries[5].introducedIn: unknown version "2024-01" (versions.ts)',
    ]);
  });

  it("keeps one effective date per version, in the month of its id, oldest first", () => {
    expect(variant((f) => (f.versions.versions[1].effective = "2023-05-31"))).toEqual([
      "content/versions.ts: versions[1].effective: 2023-05-31 is not in the month of the version id 2023-07",
      "content/versions.ts: versions[1].effective: versions must be listed oldest first: 2023-05-31 is not after 2023-06-01",
    ]);
  });

  it("names a misspelt field instead of ignoring it", () => {
    expect(variant((f) => (entry(f, "registration").legalBasis = "b"))).toEqual([
      'content/register.ts: entries[1]: Unrecognized key: "legalBasis"',
    ]);
  });

  it("checks the controller's time zone and holiday region with the deadline engine", () => {
    expect(
      variant((f) => {
        f.controller.timeZone = "Europe/Cologne";
        f.controller.holidayRegion = "DE-XX";
      }),
    ).toEqual([
      expect.stringMatching(/^content\/controller.ts: timeZone: unknown time zone "Europe\/Cologne"/),
      expect.stringMatching(/^content\/controller.ts: holidayRegion: unknown holiday region "DE-XX"/),
    ]);
  });

  it("needs every version's text in every language", () => {
    const result = validateContent({
      ...original,
      statements: original.statements.filter((s) => !s.file.endsWith("2023-06/en.md")),
    });
    expect(result.ok ? [] : result.problems.map((p) => formatProblem(p))).toEqual([
      "content/statements/2023-06/en.md: is missing: version 2023-06 needs a text in every language",
    ]);
  });
});
