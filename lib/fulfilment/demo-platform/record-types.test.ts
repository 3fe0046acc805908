// The record-type table names only categories and register entries that exist, so the Art. 15(1) report and
// the Art. 19 notices built from it never point at nothing.
import { describe, expect, it } from "vitest";
import dataCategories from "../../../content/data-categories";
import register from "../../../content/register";
import { recordTypeTable, recordTypes } from "./record-types";

describe("the demo platform's record-type table", () => {
  const categoryIds = new Set(dataCategories.categories.map((category) => category.id));
  const entryIds = new Set(register.entries.map((entry) => entry.id));

  it.each(recordTypes)("%s names existing categories and register entries", (type) => {
    const info = recordTypeTable[type];
    expect(info.categories.length).toBeGreaterThan(0);
    for (const category of info.categories) expect(categoryIds).toContain(category);
    for (const entry of info.registerEntries) expect(entryIds).toContain(entry);
  });

  it("every record kept or anonymised has its Art. 17(3) exemption explained in German and English", () => {
    const kept = recordTypes.filter((type) => recordTypeTable[type].erasure.action !== "delete");
    expect(kept).toEqual(["notification_logs", "invoices"]);
    for (const type of kept) {
      const rule = recordTypeTable[type].erasure;
      if (rule.action === "delete") throw new Error("unreachable");
      expect(rule.exemption.article).toBe("17(3)(b)");
      expect(rule.exemption.law).toMatch(/§ 147 AO/);
      expect(rule.exemption.explanation.de.length).toBeGreaterThan(40);
      expect(rule.exemption.explanation.en.length).toBeGreaterThan(40);
    }
  });
});
