// docs/demo-platform.md's strategies table says what record-types.ts does: same record types, same
// erasure action, same field strategies and exemption, same categories and entries.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fieldsReport } from "./anonymise";
import { recordTypeTable, recordTypes } from "./record-types";

const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../../docs/demo-platform.md"), "utf8");
const rows = new Map(
  doc
    .split("\n")
    .filter((line) => /^\| `[a-z_]+` +\|/.test(line))
    .map((line) => {
      const cells = line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim());
      return [cells[0]!.replaceAll("`", ""), cells] as const;
    }),
);

describe("docs/demo-platform.md", () => {
  it("lists exactly the record types of the table", () => {
    expect([...rows.keys()]).toEqual([...recordTypes]);
  });

  it.each(recordTypes)("describes %s as the code does", (type) => {
    const [, erasure, fields, exemption, categories, entries, provided] = rows.get(type)!;
    const info = recordTypeTable[type];
    const rule = info.erasure;
    expect(erasure).toBe({ delete: "deleted", anonymise: "anonymised", keep: "kept" }[rule.action]);
    for (const [field, strategy] of Object.entries(fieldsReport(rule) ?? {})) {
      if (field === "*") expect(fields).toBe("whole row: delete row");
      else expect(fields).toContain(`\`${field}\`: ${strategy.replace("_", " ")}`);
    }
    if (rule.action === "delete") expect(exemption).toBe("–");
    else expect(exemption).toContain(rule.exemption.law!.split(":")[0]!);
    expect(categories).toBe(info.categories.join(", "));
    expect(entries).toBe(info.registerEntries.length ? info.registerEntries.join(", ") : "(none)");
    expect(provided).toBe(info.providedBySubject ? "yes" : "no");
  });
});
