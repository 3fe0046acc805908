// The checker the quotation-mark tests rely on: it must catch the faults it is there for and leave
// correct text, code-free prose and apostrophes alone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { quotationProblems, stringsInSource } from "./quotation-marks";

describe("quotationProblems", () => {
  it.each([
    ["Ihre Anfrage „Auskunft“ ist eingegangen.", "de"],
    ["Felder ohne „freiwillig“ – und „a ‚b‘ c“.", "de"],
    ["Your request “Access” was received; the team’s answer follows.", "en"],
    ["No quotation marks at all, and it's fine.", "en"],
    ["„Auskunft“ and “Access”", "either"],
  ] as const)("accepts %j (%s)", (text, style) => {
    expect(quotationProblems(text, style)).toEqual([]);
  });

  it.each([
    ['Ihre Anfrage „Auskunft" ist eingegangen.', "de", /straight "/],
    ['Ihre Anfrage "Auskunft" ist eingegangen.', "de", /straight "/],
    ["Ihre Anfrage „Auskunft” ist eingegangen.", "de", /English ”/],
    ["Ihre Anfrage “Auskunft” ist eingegangen.", "de", /opens nothing/],
    ["Ihre Anfrage „Auskunft ist eingegangen.", "de", /never closed/],
    ['Your request "Access" was received.', "en", /straight "/],
    ["Your request „Access“ was received.", "en", /German „/],
    ["Your request “Access was received.", "en", /never closed/],
    ["Your request Access” was received.", "en", /closes nothing/],
    ["„Auskunft”", "either", /closes nothing/],
  ] as const)("refuses %j (%s)", (text, style, problem) => {
    expect(quotationProblems(text, style).join("\n")).toMatch(problem);
  });
});

describe("stringsInSource", () => {
  it("reads literals, template literals with their values as …, and JSX text, not import paths", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "quotes-")), "sample.tsx");
    fs.writeFileSync(
      file,
      [
        'import { x } from "./some-module";',
        'const a = "Anfrage „Auskunft“";',
        'const b = `Anfrage „${x}" geschickt`;',
        'const c = <p className="lead">Guten Tag</p>;',
      ].join("\n"),
    );
    expect(stringsInSource(file).map((s) => s.text)).toEqual([
      "Anfrage „Auskunft“",
      'Anfrage „…" geschickt',
      "lead",
      "Guten Tag",
    ]);
  });
});
