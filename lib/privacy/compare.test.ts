import { describe, expect, it } from "vitest";
import { compareBlocks } from "./compare";
import { compareVersions } from "./rendered";

describe("comparing versions", () => {
  it("shows what 2023-07 added to 2023-06: the support chat with its transfer to the USA, and the new date", () => {
    const diff = compareVersions("2023-06", "2023-07", "en")!;
    const added = diff.entries.flatMap((e) => (e.type === "added" ? [e.block.text] : []));
    expect(added).toContain("### Support chat in the app");
    expect(added).toContain(
      "Transfers to third countries: United States: HubSpot, Inc. – standard contractual clauses of the European Commission (Art. 46(2)(c) GDPR)",
    );
    const changed = diff.entries.find((e) => e.type === "changed");
    expect(changed?.type === "changed" && changed.parts).toEqual([
      { text: "Last updated: " },
      { text: "June", change: "removed" },
      { text: "July", change: "added" },
      { text: " 2023." },
    ]);
    expect(diff.counts).toEqual({ added: 12, removed: 0, changed: 1 });
  });

  it("finds nothing between a version and itself", () => {
    const diff = compareVersions("2023-07", "2023-07", "de")!;
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(diff.entries.every((e) => e.type === "unchanged")).toBe(true);
  });

  it("keeps unlike blocks apart instead of pairing them", () => {
    const block = (text: string) => ({ text, kind: "text" as const });
    const diff = compareBlocks(
      [block("Alpha beta gamma."), block("Same.")],
      [block("Something else entirely."), block("Same.")],
    );
    expect(diff.entries.map((e) => e.type)).toEqual(["removed", "added", "unchanged"]);
  });
});
